package dev.studentapi.redis;

import dev.studentapi.ratelimit.ClockTimeMeter;

import dev.studentapi.core.usage.Throttle;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.ratelimit.TokenBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in Redis (Bucket4j compare-and-swap over Lettuce), one per plan and key, shared by every
 * instance that uses the same key prefix. Safe for concurrent use across threads and processes: a consumption
 * is a compare-and-swap, so racers never take more tokens than the bucket holds. Time comes from the given
 * clock. A changed throttle replaces the bucket's configuration, keeping its tokens; each instance also
 * re-asserts the settings it is given on its first request for a bucket and then at least once a minute, so
 * a change made through another instance cannot linger. A bucket expires a minute after it would be full
 * again. Redis failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class RedisThrottle implements Throttle {

    static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);
    static final Duration RECHECK_SETTINGS = Duration.ofMinutes(1);

    private record Asserted(ThrottleSettings settings, Instant at) {}

    private final RedisConnection redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final ProxyManager<String> buckets;
    private final ConcurrentHashMap<String, Asserted> asserted = new ConcurrentHashMap<>();

    /** Buckets under {@code keyPrefix} (e.g. {@code "studentapi:"}) on the shared connection, timed by a clock. */
    public RedisThrottle(RedisConnection redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.keys = new RedisKeys(keyPrefix);
        this.clock = clock;
        this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(
                new ConnectionRedisApi<>(() -> redis.connection().async()))
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(redis.timeout())
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .build();
    }

    @Override
    public ThrottleDecision tryConsume(String planId, String keyId, ThrottleSettings settings) {
        String id = keys.bucket(planId, keyId);
        BucketConfiguration configuration = TokenBuckets.configuration(settings);
        try {
            BucketProxy bucket = buckets.builder().build(id, () -> configuration);
            Instant now = clock.instant();
            Asserted last = asserted.get(id);
            if (last == null || !last.settings().equals(settings)
                    || !now.isBefore(last.at().plus(RECHECK_SETTINGS))) {
                bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
                asserted.put(id, new Asserted(settings, now));
            }
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return TokenBuckets.decision(probe, settings);
        } catch (RuntimeException e) {
            throw redis.failure(e);
        }
    }
}
