package dev.studentapi.redis;

import dev.studentapi.core.usage.Throttle;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.contract.ThrottleContract;
import org.junit.jupiter.api.AfterEach;

class RedisThrottleTest extends ThrottleContract {
    private final String prefix = LocalRedis.uniquePrefix();
    private RedisConnection redis;

    @Override
    protected Throttle newThrottle(MutableClock clock) {
        LocalRedis.require();
        redis = RedisConnection.open(LocalRedis.URL);
        return new RedisThrottle(redis, prefix, clock);
    }

    @AfterEach
    void deleteKeysAndClose() {
        if (redis != null) {
            LocalRedis.deleteKeys(redis, prefix);
            redis.close();
        }
    }
}
