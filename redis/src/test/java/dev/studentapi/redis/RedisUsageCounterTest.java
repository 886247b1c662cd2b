package dev.studentapi.redis;

import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.testkit.contract.UsageCounterContract;
import org.junit.jupiter.api.AfterEach;

class RedisUsageCounterTest extends UsageCounterContract {
    private final String prefix = LocalRedis.uniquePrefix();
    private RedisConnection redis;

    @Override
    protected UsageCounter newCounter() {
        LocalRedis.require();
        redis = RedisConnection.open(LocalRedis.URL);
        return new RedisUsageCounter(redis, prefix);
    }

    @AfterEach
    void deleteKeysAndClose() {
        if (redis != null) {
            LocalRedis.deleteKeys(redis, prefix);
            redis.close();
        }
    }
}
