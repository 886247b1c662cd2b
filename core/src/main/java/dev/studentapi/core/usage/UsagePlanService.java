package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;
import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.RandomTokens;
import dev.studentapi.core.apikey.Tags;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Creates and changes usage plans and binds API keys to them. A plan may name only the stage this server
 * serves, and a key may be on one plan per API stage. Refusals are {@link Refusal}s.
 */
public final class UsagePlanService {

    private final UsagePlanStore plans;
    private final ApiKeyStore keys;
    private final ServedStage served;

    public UsagePlanService(UsagePlanStore plans, ApiKeyStore keys, ApiStage served) {
        this.plans = plans;
        this.keys = keys;
        this.served = new ServedStage(served);
    }

    /** The stage this server serves, the only one a plan may name. */
    public ServedStage servedStage() {
        return served;
    }

    public UsagePlan create(UsagePlanDraft draft) {
        UsagePlan plan = validated(RandomTokens.id(), draft, List.of());
        if (!plans.create(plan)) {
            throw Refusal.of(RefusalCode.PLAN_ID_IN_USE, plan.id());
        }
        return plan;
    }

    public List<UsagePlan> list() {
        return plans.list();
    }

    public UsagePlan get(String id) {
        return PlanBindings.requirePlan(plans, id);
    }

    /**
     * Applies a change to a plan's draft and validates the result as {@link #create} does, except that stages
     * the plan already covered are kept; refuses stages that would put a bound key on two plans for one stage.
     */
    public UsagePlan change(String id, UnaryOperator<UsagePlanDraft> change) {
        UsagePlan before = get(id);
        UsagePlanDraft changed;
        try {
            changed = change.apply(UsagePlanDraft.of(before));
        } catch (Refusal refusal) {
            throw refusal.code() == RefusalCode.STAGE_NOT_ON_PLAN ? refusal.with("planId", id) : refusal;
        }
        UsagePlan after = validated(id, changed, before.apiStages());
        for (ApiStage stage : after.apiStages()) {
            if (!before.covers(stage)) {
                for (String keyId : plans.keyIds(id)) {
                    requireNoOtherPlanOn(keyId, stage, id);
                }
            }
        }
        if (!plans.update(after)) {
            throw Refusal.of(RefusalCode.USAGE_PLAN_NOT_FOUND, id);
        }
        return after;
    }

    /** Adds tags to the plan (a key already tagged takes the new value). */
    public UsagePlan tag(String id, Map<String, String> tags) {
        UsagePlan plan = get(id);
        return save(plan.withTags(Tags.merged(plan.tags(), tags)));
    }

    /** Removes tags from the plan. */
    public UsagePlan untag(String id, Collection<String> tagKeys) {
        UsagePlan plan = get(id);
        return save(plan.withTags(Tags.without(plan.tags(), tagKeys)));
    }

    private UsagePlan save(UsagePlan plan) {
        if (!plans.update(plan)) {
            throw Refusal.of(RefusalCode.USAGE_PLAN_NOT_FOUND, plan.id());
        }
        return plan;
    }

    public void delete(String id) {
        if (!plans.delete(id)) {
            throw Refusal.of(RefusalCode.USAGE_PLAN_NOT_FOUND, id);
        }
    }

    public void bind(String planId, String keyId) {
        UsagePlan plan = get(planId);
        if (keys.findById(keyId).isEmpty()) {
            throw Refusal.of(RefusalCode.API_KEY_NOT_FOUND, keyId);
        }
        for (ApiStage stage : plan.apiStages()) {
            requireNoOtherPlanOn(keyId, stage, planId);
        }
        if (!plans.bindKey(planId, keyId)) {
            throw Refusal.of(RefusalCode.KEY_ALREADY_ON_PLAN, keyId).with("planId", planId);
        }
    }

    public void unbind(String planId, String keyId) {
        get(planId);
        if (!plans.unbindKey(planId, keyId)) {
            throw Refusal.of(RefusalCode.KEY_NOT_ON_PLAN, keyId).with("planId", planId);
        }
    }

    /** The key, when it is bound to the plan; refuses an unknown plan or a key not on it. */
    public ApiKey keyOnPlan(String planId, String keyId) {
        PlanBindings.requireKeyOnPlan(plans, planId, keyId);
        return keys.findById(keyId).orElseThrow(() -> Refusal.of(RefusalCode.API_KEY_NOT_FOUND, keyId));
    }

    public List<String> keyIds(String planId) {
        get(planId);
        return plans.keyIds(planId);
    }

    /** The ids of the keys on the plan; none for a plan that does not exist. */
    public List<String> keyIdsIfAny(String planId) {
        return plans.keyIds(planId);
    }

    public List<UsagePlan> plansOfKey(String keyId) {
        return plans.plansOfKey(keyId);
    }

    /** The plan a draft describes: a name, a complete throttle and quota, and only the served stage if new. */
    private UsagePlan validated(String id, UsagePlanDraft draft, List<ApiStage> kept) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw Refusal.of(RefusalCode.PLAN_NAME_REQUIRED);
        }
        ThrottleSettings throttle = draft.throttle().settings().orElse(null);
        QuotaSettings quota = draft.quota().settings().orElse(null);
        for (ApiStage stage : draft.apiStages()) {
            if (!kept.contains(stage)) {
                served.require(stage);
            }
        }
        return new UsagePlan(id, draft.name().strip(), draft.description(), throttle, quota, draft.apiStages(),
                Tags.checked(draft.tags()), methodThrottles(draft));
    }

    /**
     * The draft's method throttles, each complete and keyed {@code {resourcePath}/{httpMethod}}, on stages the
     * draft covers (STAGE_NOT_ON_PLAN otherwise).
     */
    private static Map<ApiStage, MethodThrottles> methodThrottles(UsagePlanDraft draft) {
        Map<ApiStage, MethodThrottles> result = new LinkedHashMap<>();
        draft.methodThrottles().forEach((stage, byMethod) -> {
            if (!draft.apiStages().contains(stage)) {
                throw Refusal.of(RefusalCode.STAGE_NOT_ON_PLAN, stage).with("api", stage.apiId())
                        .with("stage", stage.stage());
            }
            Map<String, ThrottleSettings> settings = new LinkedHashMap<>();
            byMethod.forEach((key, input) -> settings.put(MethodThrottles.checkedKey(key), input.settings()
                    .orElseThrow(() -> Refusal.of(RefusalCode.THROTTLE_INCOMPLETE).with("missing", "rateLimit")
                            .with("method", key))));
            result.put(stage, new MethodThrottles(settings));
        });
        return result;
    }

    private void requireNoOtherPlanOn(String keyId, ApiStage stage, String planId) {
        for (UsagePlan other : plans.plansOfKey(keyId)) {
            if (!other.id().equals(planId) && other.covers(stage)) {
                throw Refusal.of(RefusalCode.KEY_ON_OTHER_PLAN_FOR_STAGE, keyId)
                        .with("planId", other.id()).with("stage", stage);
            }
        }
    }
}
