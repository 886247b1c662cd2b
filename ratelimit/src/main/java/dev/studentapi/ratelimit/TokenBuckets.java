package dev.studentapi.ratelimit;

import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/** Translates a usage plan's throttle into a Bucket4j configuration: capacity burst, refilled at rate per second. */
public final class TokenBuckets {
    private TokenBuckets() {
    }

    public static BucketConfiguration configuration(ThrottleSettings settings) {
        long nanosPerToken = nanosPerToken(settings);
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(settings.burstLimit())
                        .refillGreedy(1, Duration.ofNanos(nanosPerToken)))
                .build();
    }

    /** What a probe of a bucket of {@code settings} says: allowed with the tokens left and the next token's wait. */
    public static ThrottleDecision decision(ConsumptionProbe probe, ThrottleSettings settings) {
        if (!probe.isConsumed()) {
            return ThrottleDecision.rejected(retryAfter(probe.getNanosToWaitForRefill()));
        }
        long remaining = probe.getRemainingTokens();
        long missingAfterNext = settings.burstLimit() - remaining - 1;
        long nanos = missingAfterNext < 0 ? 0
                : Math.max(0, probe.getNanosToWaitForReset() - missingAfterNext * nanosPerToken(settings));
        return ThrottleDecision.allowed(remaining, Duration.ofNanos(nanos));
    }

    private static long nanosPerToken(ThrottleSettings settings) {
        return Math.max(1L, Math.round(1_000_000_000d / settings.rateLimit()));
    }

    /** Whole seconds to wait, at least one, for a wait given in nanoseconds. */
    public static Duration retryAfter(long nanosToWait) {
        long seconds = Math.max(1L, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        return Duration.ofSeconds(seconds);
    }
}
