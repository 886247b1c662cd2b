package dev.studentapi.core.gateway;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One limit a request was measured against, as the RateLimit headers report it: the policy's name, its
 * {@code quota} of requests per {@code window}, what {@code remaining} after this request, and after how long
 * more becomes available ({@code reset}). For a token bucket the quota is the burst, the window the time to
 * refill it from empty, and the reset the wait for its next token; for a quota, the window's end.
 */
public record RateLimit(String policy, long quota, Duration window, long remaining, Duration reset) {

    /** The policy of a stage's bucket shared by every key. */
    public static final String STAGE = "stage";
    /** The policy of a key's bucket on its plan. */
    public static final String THROTTLE = "throttle";
    /** The policy of a key's bucket for one method on its plan. */
    public static final String METHOD = "method";
    /** The policy of a key's quota on its plan. */
    public static final String QUOTA = "quota";

    public RateLimit {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(reset, "reset");
    }

    /** A bucket of {@code settings} after {@code decision}: a rejected request leaves nothing, until its retry. */
    static RateLimit ofBucket(String policy, ThrottleSettings settings, ThrottleDecision decision) {
        Duration window = Duration.ofNanos(Math.round(settings.burstLimit() / settings.rateLimit() * 1e9));
        if (decision instanceof ThrottleDecision.Allowed allowed) {
            return new RateLimit(policy, settings.burstLimit(), window, allowed.remainingTokens(),
                    allowed.nextTokenIn());
        }
        return new RateLimit(policy, settings.burstLimit(), window, 0,
                ((ThrottleDecision.Rejected) decision).retryAfter());
    }

    /** A quota after {@code charge} in {@code window}, seen at {@code now}. */
    static RateLimit ofQuota(QuotaSettings quota, QuotaWindow window, QuotaCharge charge, Instant now) {
        long used = charge instanceof QuotaCharge.Charged charged ? charged.used()
                : ((QuotaCharge.Exhausted) charge).used();
        return new RateLimit(QUOTA, quota.limit(), Duration.between(window.startInstant(), window.endInstant()),
                Math.max(0, quota.limit() - used), Duration.between(now, window.endInstant()));
    }
}
