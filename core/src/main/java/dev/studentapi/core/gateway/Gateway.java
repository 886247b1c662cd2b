package dev.studentapi.core.gateway;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.lifecycle.KeyActivityTracker;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.MethodThrottles;
import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.Throttle;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, like API Gateway with API keys and usage plans, whether a request may reach the data plane:
 * key check (enabled and not expired), then the stage's token bucket shared by every key (when set), the plan's
 * token bucket of the key, the key's bucket for the method when the plan throttles it, then the plan's quota.
 * Only admitted requests are charged, and noted as the key's last use. Each verdict carries the limits looked at.
 */
public final class Gateway {

    /** The stage's bucket is named {@code (stage:apiId:stage, *)}: no plan id has a colon, no key id is a star. */
    private static final String STAGE_BUCKET = "stage:";
    private static final String ALL_KEYS = "*";

    private final ApiStage stage;
    private final ApiKeyService keys;
    private final UsagePlanStore plans;
    private final Throttle throttle;
    private final UsageCounter usage;
    private final Clock clock;
    private final KeyActivityTracker activity;
    private final ThrottleSettings stageThrottle;
    private final String stageBucket;

    /** A gateway without a stage-wide throttle. */
    public Gateway(ApiStage stage, ApiKeyService keys, UsagePlanStore plans, Throttle throttle, UsageCounter usage,
                   Clock clock, KeyActivityTracker activity) {
        this(stage, keys, plans, throttle, usage, clock, activity, null);
    }

    /** A gateway whose stage admits at most {@code stageThrottle} across all keys (none when null). */
    public Gateway(ApiStage stage, ApiKeyService keys, UsagePlanStore plans, Throttle throttle, UsageCounter usage,
                   Clock clock, KeyActivityTracker activity, ThrottleSettings stageThrottle) {
        this.stage = stage;
        this.keys = keys;
        this.plans = plans;
        this.throttle = throttle;
        this.usage = usage;
        this.clock = clock;
        this.activity = activity;
        this.stageThrottle = stageThrottle;
        this.stageBucket = STAGE_BUCKET + stage;
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
        List<RateLimit> limits = new ArrayList<>(4);
        if (stageThrottle != null && !consume(stageBucket, ALL_KEYS, stageThrottle, RateLimit.STAGE,
                limits)) {
            return throttled(keyId, limits);
        }
        if (usagePlan.throttle() != null
                && !consume(usagePlan.id(), keyId, usagePlan.throttle(), RateLimit.THROTTLE, limits)) {
            return throttled(keyId, limits);
        }
        MethodThrottles methods = usagePlan.methodThrottles(stage);
        if (!methods.isEmpty()) {
            String methodKey = MethodThrottles.key(resourcePath, httpMethod);
            Optional<ThrottleSettings> method = methods.forMethod(methodKey);
            if (method.isPresent()
                    && !consume(usagePlan.id(), keyId + " " + methodKey, method.get(), RateLimit.METHOD, limits)) {
                return throttled(keyId, limits);
            }
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        QuotaSettings quota = usagePlan.quota();
        QuotaWindow window = quota == null ? new QuotaWindow(today, today.plusDays(1))
                : QuotaWindow.containing(now, quota);
        QuotaCharge charge = usage.tryCharge(usagePlan.id(), keyId, window, today,
                quota == null ? Long.MAX_VALUE : quota.limit());
        if (quota != null) {
            limits.add(RateLimit.ofQuota(quota, window, charge, now));
        }
        if (charge instanceof QuotaCharge.Exhausted) {
            return new Admission.QuotaExceeded(keyId, Duration.between(now, window.endInstant()), limits);
        }
        activity.admitted(keyId, now);
        return new Admission.Admitted(keyId, usagePlan.id(), limits);
    }

    /** Takes a token from the bucket and notes its limit; false when the bucket is empty. */
    private boolean consume(String planId, String keyId, ThrottleSettings settings, String policy,
                            List<RateLimit> limits) {
        ThrottleDecision decision = throttle.tryConsume(planId, keyId, settings);
        limits.add(RateLimit.ofBucket(policy, settings, decision));
        return decision instanceof ThrottleDecision.Allowed;
    }

    private static Admission throttled(String keyId, List<RateLimit> limits) {
        return new Admission.Throttled(keyId, limits.get(limits.size() - 1).reset(), limits);
    }
}
