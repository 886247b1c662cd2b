package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import dev.studentapi.core.apikey.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a caller asks a usage plan to be, before the rules are applied: the name as typed, a throttle and a quota
 * possibly incomplete, and the API stages named. {@link UsagePlanService} validates it.
 */
public record UsagePlanDraft(String name, String description, ThrottleInput throttle, QuotaInput quota,
                             List<ApiStage> apiStages, Map<String, String> tags) {
    public UsagePlanDraft {
        description = description == null ? "" : description;
        throttle = throttle == null ? ThrottleInput.NONE : throttle;
        quota = quota == null ? QuotaInput.NONE : quota;
        apiStages = apiStages == null ? List.of() : List.copyOf(apiStages);
        tags = Tags.copyOf(tags);
    }

    /** A draft without tags. */
    public UsagePlanDraft(String name, String description, ThrottleInput throttle, QuotaInput quota,
                          List<ApiStage> apiStages) {
        this(name, description, throttle, quota, apiStages, Map.of());
    }

    /** The draft that describes an existing plan, the start of a change. */
    public static UsagePlanDraft of(UsagePlan plan) {
        return new UsagePlanDraft(plan.name(), plan.description(), ThrottleInput.of(plan.throttle()),
                QuotaInput.of(plan.quota()), plan.apiStages(), plan.tags());
    }

    public UsagePlanDraft withName(String value) {
        return new UsagePlanDraft(value, description, throttle, quota, apiStages, tags);
    }

    public UsagePlanDraft withDescription(String value) {
        return new UsagePlanDraft(name, value, throttle, quota, apiStages, tags);
    }

    public UsagePlanDraft withThrottle(ThrottleInput value) {
        return new UsagePlanDraft(name, description, value, quota, apiStages, tags);
    }

    public UsagePlanDraft withQuota(QuotaInput value) {
        return new UsagePlanDraft(name, description, throttle, value, apiStages, tags);
    }

    /** This draft also covering {@code stage} (no change when it already does). */
    public UsagePlanDraft withStage(ApiStage stage) {
        if (apiStages.contains(stage)) {
            return this;
        }
        List<ApiStage> more = new ArrayList<>(apiStages);
        more.add(stage);
        return new UsagePlanDraft(name, description, throttle, quota, more, tags);
    }

    /** This draft without {@code stage}; refuses a stage it does not cover with STAGE_NOT_ON_PLAN. */
    public UsagePlanDraft withoutStage(ApiStage stage) {
        if (!apiStages.contains(stage)) {
            throw Refusal.of(RefusalCode.STAGE_NOT_ON_PLAN, stage).with("api", stage.apiId())
                    .with("stage", stage.stage());
        }
        List<ApiStage> fewer = new ArrayList<>(apiStages);
        fewer.remove(stage);
        return new UsagePlanDraft(name, description, throttle, quota, fewer, tags);
    }
}
