package dev.studentapi.ratelimit;

import dev.studentapi.core.usage.ThrottleSettings;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;

/** Translates a usage plan's throttle into a Bucket4j configuration: capacity burst, refilled at rate per second. */
public final class TokenBuckets {
    private TokenBuckets() {
    }

    public static BucketConfiguration configuration(ThrottleSettings settings) {
        long nanosPerToken = Math.max(1L, Math.round(1_000_000_000d / settings.rateLimit()));
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(settings.burstLimit())
                        .refillGreedy(1, Duration.ofNanos(nanosPerToken)))
                .build();
    }

    /** Whole seconds to wait, at least one, for a wait given in nanoseconds. */
    public static Duration retryAfter(long nanosToWait) {
        long seconds = Math.max(1L, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        return Duration.ofSeconds(seconds);
    }
}
