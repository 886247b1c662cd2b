package dev.studentapi.ratelimit;

import dev.studentapi.core.usage.Throttle;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this process's memory (Bucket4j), one per plan and key. Safe for concurrent use: Bucket4j
 * consumes atomically, so racing threads never take more tokens than the bucket holds. A changed throttle
 * replaces the bucket's configuration, keeping the tokens it has.
 */
public final class LocalThrottle implements Throttle {

    private record Entry(ThrottleSettings settings, Bucket bucket) {}

    /** Whose bucket: its hash comes from the two ids' own (cached) hashes, with no text built per request. */
    private record BucketId(String planId, String keyId) {}

    private final ConcurrentHashMap<BucketId, Entry> buckets = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;

    public LocalThrottle(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public ThrottleDecision tryConsume(String planId, String keyId, ThrottleSettings settings) {
        BucketId id = new BucketId(planId, keyId);
        Entry entry = buckets.get(id);
        if (entry == null || !entry.settings().equals(settings)) {
            entry = configure(id, settings);
        }
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return TokenBuckets.decision(probe, settings);
    }

    private Entry configure(BucketId id, ThrottleSettings settings) {
        return buckets.compute(id, (ignored, existing) -> {
            if (existing == null) {
                return new Entry(settings, Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(TokenBuckets.configuration(settings).getBandwidths()[0])
                        .build());
            }
            if (!existing.settings().equals(settings)) {
                existing.bucket().replaceConfiguration(TokenBuckets.configuration(settings),
                        TokensInheritanceStrategy.AS_IS);
                return new Entry(settings, existing.bucket());
            }
            return existing;
        });
    }
}
