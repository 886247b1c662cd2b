package dev.studentapi.core.usage;

import dev.studentapi.core.apikey.ApiKeyException;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.RandomTokens;

import java.util.List;
import java.util.function.UnaryOperator;

/** Creates and changes usage plans and binds API keys to them. A key may be on one plan per API stage. */
public final class UsagePlanService {

    private final UsagePlanStore plans;
    private final ApiKeyStore keys;

    public UsagePlanService(UsagePlanStore plans, ApiKeyStore keys) {
        this.plans = plans;
        this.keys = keys;
    }

    public UsagePlan create(String name, String description, ThrottleSettings throttle, QuotaSettings quota,
                            List<ApiStage> apiStages) {
        if (name == null || name.isBlank()) {
            throw ApiKeyException.badRequest("Usage plan name must not be blank.");
        }
        UsagePlan plan = new UsagePlan(RandomTokens.id(), name.strip(), description, throttle, quota, apiStages);
        if (!plans.create(plan)) {
            throw ApiKeyException.conflict("Usage plan id already exists");
        }
        return plan;
    }

    public List<UsagePlan> list() {
        return plans.list();
    }

    public UsagePlan get(String id) {
        return plans.findById(id).orElseThrow(() -> ApiKeyException.notFound("Invalid Usage Plan ID specified"));
    }

    /** Applies a change to a plan; refuses stages that would put a bound key on two plans for one stage. */
    public UsagePlan change(String id, UnaryOperator<UsagePlan> change) {
        UsagePlan before = get(id);
        UsagePlan after = change.apply(before);
        for (ApiStage stage : after.apiStages()) {
            if (!before.covers(stage)) {
                for (String keyId : plans.keyIds(id)) {
                    requireNoOtherPlanOn(keyId, stage, id);
                }
            }
        }
        if (!plans.update(after)) {
            throw ApiKeyException.notFound("Invalid Usage Plan ID specified");
        }
        return after;
    }

    public void delete(String id) {
        if (!plans.delete(id)) {
            throw ApiKeyException.notFound("Invalid Usage Plan ID specified");
        }
    }

    public void bind(String planId, String keyId) {
        UsagePlan plan = get(planId);
        if (keys.findById(keyId).isEmpty()) {
            throw ApiKeyException.notFound("Invalid API Key identifier specified");
        }
        for (ApiStage stage : plan.apiStages()) {
            requireNoOtherPlanOn(keyId, stage, planId);
        }
        if (!plans.bindKey(planId, keyId)) {
            throw ApiKeyException.conflict("Usage Plan " + planId + " cannot be added because API Key "
                    + keyId + " is already associated with it");
        }
    }

    public void unbind(String planId, String keyId) {
        get(planId);
        if (!plans.unbindKey(planId, keyId)) {
            throw ApiKeyException.notFound("Invalid API Key identifier specified");
        }
    }

    public List<String> keyIds(String planId) {
        get(planId);
        return plans.keyIds(planId);
    }

    public List<UsagePlan> plansOfKey(String keyId) {
        return plans.plansOfKey(keyId);
    }

    private void requireNoOtherPlanOn(String keyId, ApiStage stage, String planId) {
        for (UsagePlan other : plans.plansOfKey(keyId)) {
            if (!other.id().equals(planId) && other.covers(stage)) {
                throw ApiKeyException.conflict("API Key " + keyId + " is already associated with usage plan "
                        + other.id() + " on stage " + stage);
            }
        }
    }
}
