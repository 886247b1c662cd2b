package dev.studentapi.core.gateway;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.usage.QuotaInput;
import dev.studentapi.core.usage.ThrottleInput;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanDraft;
import dev.studentapi.core.usage.UsagePlanService;

import java.util.List;
import java.util.Optional;

/**
 * Creates the reference system's {@code StudentApiKey} and {@code StudentUsagePlan}, bound to the gateway's
 * stage, when no key and no plan exist yet.
 */
public final class GatewayBootstrap {

    public static final String KEY_NAME = "StudentApiKey";
    public static final String PLAN_NAME = "StudentUsagePlan";

    private final ApiKeyService keys;
    private final UsagePlanService plans;

    public GatewayBootstrap(ApiKeyService keys, UsagePlanService plans) {
        this.keys = keys;
        this.plans = plans;
    }

    /** Returns the new key, whose value is to be shown once, or empty when keys or plans already exist. */
    public Optional<IssuedApiKey> ensureDefaults(Gateway gateway, BootstrapSettings settings) {
        if (!keys.list().isEmpty() || !plans.list().isEmpty()) {
            return Optional.empty();
        }
        IssuedApiKey issued = keys.create(KEY_NAME, "Key for the student records API", true, Optional.empty());
        UsagePlan plan = plans.create(new UsagePlanDraft(PLAN_NAME, "Limits for the student records API",
                ThrottleInput.of(settings.throttle()), QuotaInput.of(settings.quota()), List.of(gateway.stage())));
        plans.bind(plan.id(), issued.key().id());
        return Optional.of(issued);
    }
}
