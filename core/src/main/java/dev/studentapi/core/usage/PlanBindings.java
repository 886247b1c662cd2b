package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

/** The rule that a key is bound to a plan, shared by the services that need it. */
final class PlanBindings {
    private PlanBindings() {
    }

    /** Refuses an unknown plan (USAGE_PLAN_NOT_FOUND) or a key not bound to it (KEY_NOT_ON_PLAN). */
    static UsagePlan requireKeyOnPlan(UsagePlanStore plans, String planId, String keyId) {
        UsagePlan plan = requirePlan(plans, planId);
        if (!plans.keyIds(planId).contains(keyId)) {
            throw Refusal.of(RefusalCode.KEY_NOT_ON_PLAN, keyId).with("planId", planId);
        }
        return plan;
    }

    static UsagePlan requirePlan(UsagePlanStore plans, String planId) {
        return plans.findById(planId).orElseThrow(() -> Refusal.of(RefusalCode.USAGE_PLAN_NOT_FOUND, planId));
    }
}
