package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import dev.studentapi.core.apikey.Tags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What a caller asks a usage plan to be, before the rules are applied: the name as typed, a throttle and a quota
 * possibly incomplete, the API stages named, and per stage the throttles of single methods, possibly incomplete,
 * keyed {@code {resourcePath}/{httpMethod}} as the caller wrote them. {@link UsagePlanService} validates it.
 */
public record UsagePlanDraft(String name, String description, ThrottleInput throttle, QuotaInput quota,
                             List<ApiStage> apiStages, Map<String, String> tags,
                             Map<ApiStage, Map<String, ThrottleInput>> methodThrottles) {
    public UsagePlanDraft {
        description = description == null ? "" : description;
        throttle = throttle == null ? ThrottleInput.NONE : throttle;
        quota = quota == null ? QuotaInput.NONE : quota;
        apiStages = apiStages == null ? List.of() : List.copyOf(apiStages);
        tags = Tags.copyOf(tags);
        Map<ApiStage, Map<String, ThrottleInput>> copy = new LinkedHashMap<>();
        if (methodThrottles != null) {
            methodThrottles.forEach((stage, byMethod) -> {
                if (!byMethod.isEmpty()) {
                    copy.put(stage, Collections.unmodifiableMap(new TreeMap<>(byMethod)));
                }
            });
        }
        methodThrottles = Collections.unmodifiableMap(copy);
    }

    /** A draft without method throttles. */
    public UsagePlanDraft(String name, String description, ThrottleInput throttle, QuotaInput quota,
                          List<ApiStage> apiStages, Map<String, String> tags) {
        this(name, description, throttle, quota, apiStages, tags, Map.of());
    }

    /** A draft without tags or method throttles. */
    public UsagePlanDraft(String name, String description, ThrottleInput throttle, QuotaInput quota,
                          List<ApiStage> apiStages) {
        this(name, description, throttle, quota, apiStages, Map.of(), Map.of());
    }

    /** The draft that describes an existing plan, the start of a change. */
    public static UsagePlanDraft of(UsagePlan plan) {
        Map<ApiStage, Map<String, ThrottleInput>> methods = new LinkedHashMap<>();
        plan.methodThrottles().forEach((stage, throttles) -> {
            Map<String, ThrottleInput> byMethod = new TreeMap<>();
            throttles.byMethod().forEach((key, settings) -> byMethod.put(key, ThrottleInput.of(settings)));
            methods.put(stage, byMethod);
        });
        return new UsagePlanDraft(plan.name(), plan.description(), ThrottleInput.of(plan.throttle()),
                QuotaInput.of(plan.quota()), plan.apiStages(), plan.tags(), methods);
    }

    public UsagePlanDraft withName(String value) {
        return new UsagePlanDraft(value, description, throttle, quota, apiStages, tags, methodThrottles);
    }

    public UsagePlanDraft withDescription(String value) {
        return new UsagePlanDraft(name, value, throttle, quota, apiStages, tags, methodThrottles);
    }

    public UsagePlanDraft withThrottle(ThrottleInput value) {
        return new UsagePlanDraft(name, description, value, quota, apiStages, tags, methodThrottles);
    }

    public UsagePlanDraft withQuota(QuotaInput value) {
        return new UsagePlanDraft(name, description, throttle, value, apiStages, tags, methodThrottles);
    }

    /** This draft also covering {@code stage} (no change when it already does). */
    public UsagePlanDraft withStage(ApiStage stage) {
        if (apiStages.contains(stage)) {
            return this;
        }
        List<ApiStage> more = new ArrayList<>(apiStages);
        more.add(stage);
        return new UsagePlanDraft(name, description, throttle, quota, more, tags, methodThrottles);
    }

    /**
     * This draft without {@code stage} and its method throttles; refuses a stage it does not cover with
     * STAGE_NOT_ON_PLAN.
     */
    public UsagePlanDraft withoutStage(ApiStage stage) {
        requireStage(stage);
        List<ApiStage> fewer = new ArrayList<>(apiStages);
        fewer.remove(stage);
        Map<ApiStage, Map<String, ThrottleInput>> methods = new LinkedHashMap<>(methodThrottles);
        methods.remove(stage);
        return new UsagePlanDraft(name, description, throttle, quota, fewer, tags, methods);
    }

    /**
     * This draft with the throttle of one method on {@code stage} changed by {@code change} (which starts from
     * {@link ThrottleInput#NONE} for a method without one); refuses a stage the draft does not cover
     * (STAGE_NOT_ON_PLAN) and a key not written {@code {resourcePath}/{httpMethod}}.
     */
    public UsagePlanDraft withMethodThrottle(ApiStage stage, String methodKey, UnaryOperator<ThrottleInput> change) {
        requireStage(stage);
        Map<String, ThrottleInput> byMethod = new TreeMap<>(methodThrottles.getOrDefault(stage, Map.of()));
        String key = MethodThrottles.checkedKey(methodKey);
        byMethod.put(key, change.apply(byMethod.getOrDefault(key, ThrottleInput.NONE)));
        return withMethodThrottles(stage, byMethod);
    }

    /** This draft without the throttle of one method on {@code stage}; refuses one it does not have. */
    public UsagePlanDraft withoutMethodThrottle(ApiStage stage, String methodKey) {
        requireStage(stage);
        Map<String, ThrottleInput> byMethod = new TreeMap<>(methodThrottles.getOrDefault(stage, Map.of()));
        if (byMethod.remove(methodKey) == null) {
            throw Refusal.of(RefusalCode.METHOD_THROTTLE_NOT_SET, methodKey).with("stage", stage);
        }
        return withMethodThrottles(stage, byMethod);
    }

    /** This draft without any method throttle on {@code stage}. */
    public UsagePlanDraft withoutMethodThrottles(ApiStage stage) {
        requireStage(stage);
        return withMethodThrottles(stage, Map.of());
    }

    private UsagePlanDraft withMethodThrottles(ApiStage stage, Map<String, ThrottleInput> byMethod) {
        Map<ApiStage, Map<String, ThrottleInput>> methods = new LinkedHashMap<>(methodThrottles);
        methods.put(stage, byMethod);
        return new UsagePlanDraft(name, description, throttle, quota, apiStages, tags, methods);
    }

    private void requireStage(ApiStage stage) {
        if (!apiStages.contains(stage)) {
            throw Refusal.of(RefusalCode.STAGE_NOT_ON_PLAN, stage).with("api", stage.apiId())
                    .with("stage", stage.stage());
        }
    }
}
