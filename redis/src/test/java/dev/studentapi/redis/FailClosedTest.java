package dev.studentapi.redis;

import dev.studentapi.testkit.TcpForwarder;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redis behind a forwarder that the test cuts and restores, as a crash and a restart of Redis would. */
class FailClosedTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-27");
    private static final QuotaWindow WINDOW = new QuotaWindow(DAY, DAY.plusDays(1));
    private static final ThrottleSettings SETTINGS = new ThrottleSettings(1, 100);
    /** Generous against a loaded machine; a hanging call would take Lettuce's default of 60 s. */
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(15);

    private final String prefix = LocalRedis.uniquePrefix();
    private TcpForwarder forwarder;
    private RedisConnection redis;
    private RedisUsageCounter counter;
    private RedisThrottle throttle;

    @BeforeEach
    void connectThroughForwarder() throws Exception {
        LocalRedis.require();
        forwarder = new TcpForwarder(LocalRedis.HOST, LocalRedis.PORT).start();
        redis = RedisConnection.open("redis://127.0.0.1:" + forwarder.port() + "/0");
        counter = new RedisUsageCounter(redis, prefix);
        throttle = new RedisThrottle(redis, prefix, MutableClock.at("2026-11-27T10:00:00Z"));
    }

    @AfterEach
    void deleteKeysAndClose() throws Exception {
        if (forwarder == null) {
            return;
        }
        forwarder.close();
        redis.close();
        try (RedisConnection direct = RedisConnection.open(LocalRedis.URL)) {
            LocalRedis.deleteKeys(direct, prefix);
        }
    }

    private QuotaCharge charge() {
        return counter.tryCharge("plan", "key", WINDOW, DAY, 1000);
    }

    private ThrottleDecision consume() {
        return throttle.tryConsume("plan", "key", SETTINGS);
    }

    @Test
    void failsFastWithAClearErrorWhileRedisIsDownAndWorksAgainWhenItIsBack() throws Exception {
        assertThat(charge()).isEqualTo(new QuotaCharge.Charged(1));
        assertThat(consume()).isInstanceOf(ThrottleDecision.Allowed.class);

        forwarder.stop();

        assertFailsFast(this::charge);
        assertFailsFast(() -> counter.used("plan", "key", WINDOW));
        assertFailsFast(() -> counter.daily("plan", "key", DAY, DAY));
        assertFailsFast(this::consume);

        forwarder.start();

        assertThat(eventually(this::charge)).isEqualTo(new QuotaCharge.Charged(2));
        assertThat(eventually(this::consume)).isInstanceOf(ThrottleDecision.Allowed.class);
        assertThat(counter.used("plan", "key", WINDOW)).isEqualTo(2);
    }

    @Test
    void startsWhileRedisIsDownAndConnectsOnceItIsUp() throws Exception {
        forwarder.stop();
        try (RedisConnection late = RedisConnection.open("redis://127.0.0.1:" + forwarder.port() + "/0")) {
            RedisUsageCounter lateCounter = new RedisUsageCounter(late, prefix);

            assertFailsFast(() -> lateCounter.used("plan", "key", WINDOW));

            forwarder.start();
            assertThat(eventually(() -> lateCounter.tryCharge("plan", "key", WINDOW, DAY, 10)))
                    .isEqualTo(new QuotaCharge.Charged(1));
        }
    }

    private void assertFailsFast(Supplier<?> call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::get)
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Redis is unreachable at 127.0.0.1:" + forwarder.port());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
    }

    /** The first result of {@code call} that is not a StoreException, polling until a deadline. */
    private static <T> T eventually(Supplier<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (StoreException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Redis calls still fail " + RECOVERY + " after it came back", e);
                }
                Thread.sleep(50);
            }
        }
    }
}
