package dev.studentapi.core.gateway;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.lifecycle.KeyActivityTracker;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.Throttle;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Decides, like API Gateway with API keys and usage plans, whether a request may reach the data plane:
 * key check (enabled and not expired), then the plan's token bucket, then its quota. Only admitted requests are
 * charged, and noted as the key's last use.
 */
public final class Gateway {

    private final ApiStage stage;
    private final ApiKeyService keys;
    private final UsagePlanStore plans;
    private final Throttle throttle;
    private final UsageCounter usage;
    private final Clock clock;
    private final KeyActivityTracker activity;

    public Gateway(ApiStage stage, ApiKeyService keys, UsagePlanStore plans, Throttle throttle, UsageCounter usage,
                   Clock clock, KeyActivityTracker activity) {
        this.stage = stage;
        this.keys = keys;
        this.plans = plans;
        this.throttle = throttle;
        this.usage = usage;
        this.clock = clock;
        this.activity = activity;
    }

    public ApiStage stage() {
        return stage;
    }

    /** Judges a request that presented {@code keyValue} (null when it sent none) to GET the stage's students. */
    public Admission admit(String keyValue) {
        return admit(keyValue, "/students", "GET");
    }

    /**
     * Judges a request that presented {@code keyValue} (null when it sent none) to {@code httpMethod} the API's
     * resource {@code resourcePath}, written as API Gateway writes it ({@code /students/{studentid}}, {@code /}
     * for the stage root).
     */
    public Admission admit(String keyValue, String resourcePath, String httpMethod) {
        if (keyValue == null || keyValue.isEmpty()) {
            return new Admission.Forbidden();
        }
        Optional<ApiKey> key = keys.findByValue(keyValue).filter(ApiKey::enabled);
        if (key.isEmpty()) {
            return new Admission.Forbidden();
        }
        String keyId = key.get().id();
        Instant now = clock.instant();
        if (key.get().expiredAt(now)) {
            return new Admission.Forbidden();
        }
        Optional<UsagePlan> plan = plans.plansOfKey(keyId).stream().filter(p -> p.covers(stage)).findFirst();
        if (plan.isEmpty()) {
            return new Admission.Forbidden();
        }
        UsagePlan usagePlan = plan.get();
        if (usagePlan.throttle() != null
                && throttle.tryConsume(usagePlan.id(), keyId, usagePlan.throttle())
                        instanceof ThrottleDecision.Rejected rejected) {
            return new Admission.Throttled(keyId, rejected.retryAfter());
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        QuotaWindow window = usagePlan.quota() == null
                ? new QuotaWindow(today, today.plusDays(1))
                : QuotaWindow.containing(now, usagePlan.quota());
        long limit = usagePlan.quota() == null ? Long.MAX_VALUE : usagePlan.quota().limit();
        if (usage.tryCharge(usagePlan.id(), keyId, window, today, limit) instanceof QuotaCharge.Exhausted) {
            return new Admission.QuotaExceeded(keyId, Duration.between(now, window.endInstant()));
        }
        activity.admitted(keyId, now);
        return new Admission.Admitted(keyId, usagePlan.id());
    }
}
