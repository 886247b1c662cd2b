package dev.studentapi.redis;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances, each with a connection of its own, as two servers behind one load balancer would have. */
class SharedLimitsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-27");
    private static final QuotaWindow WINDOW = new QuotaWindow(DAY, DAY.plusDays(1));

    private final String prefix = LocalRedis.uniquePrefix();
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private RedisConnection first;
    private RedisConnection second;

    @BeforeEach
    void connectTwice() {
        LocalRedis.require();
        first = RedisConnection.open(LocalRedis.URL);
        second = RedisConnection.open(LocalRedis.URL);
    }

    @AfterEach
    void deleteKeysAndClose() {
        if (first != null) {
            LocalRedis.deleteKeys(first, prefix);
            first.close();
            second.close();
        }
    }

    @Test
    void twoCountersChargeExactlyTheQuotaBetweenThem() throws Exception {
        List<RedisUsageCounter> counters =
                List.of(new RedisUsageCounter(first, prefix), new RedisUsageCounter(second, prefix));

        List<QuotaCharge> results = Race.run(400,
                thread -> counters.get(thread % 2).tryCharge("plan", "key", WINDOW, DAY, 100));

        assertThat(results).filteredOn(QuotaCharge.Charged.class::isInstance).hasSize(100);
        assertThat(results).filteredOn(QuotaCharge.Exhausted.class::isInstance)
                .containsOnly(new QuotaCharge.Exhausted(100));
        assertThat(counters.get(0).used("plan", "key", WINDOW)).isEqualTo(100);
        assertThat(counters.get(1).daily("plan", "key", DAY, DAY)).isEqualTo(Map.of(DAY, 100L));
    }

    @Test
    void twoThrottlesShareOneBucket() throws Exception {
        List<RedisThrottle> throttles =
                List.of(new RedisThrottle(first, prefix, clock), new RedisThrottle(second, prefix, clock));
        ThrottleSettings settings = new ThrottleSettings(1, 50);

        List<ThrottleDecision> results = Race.run(100,
                thread -> throttles.get(thread % 2).tryConsume("plan", "key", settings));

        assertThat(results).filteredOn(ThrottleDecision.Allowed.class::isInstance).hasSize(50);
        clock.advance(Duration.ofSeconds(3));
        assertThat(throttles.get(0).tryConsume("plan", "key", settings)).isInstanceOf(ThrottleDecision.Allowed.class);
        assertThat(throttles.get(1).tryConsume("plan", "key", settings)).isInstanceOf(ThrottleDecision.Allowed.class);
        assertThat(throttles.get(0).tryConsume("plan", "key", settings)).isInstanceOf(ThrottleDecision.Allowed.class);
        assertThat(throttles.get(1).tryConsume("plan", "key", settings)).isInstanceOf(ThrottleDecision.Rejected.class);
    }

    @Test
    void settingsRestoredAfterAnotherInstanceChangedThemAreReassertedWithinAMinute() {
        RedisThrottle one = new RedisThrottle(first, prefix, clock);
        RedisThrottle other = new RedisThrottle(second, prefix, clock);
        ThrottleSettings restored = new ThrottleSettings(1, 2);
        other.tryConsume("plan", "key", restored);
        one.tryConsume("plan", "key", new ThrottleSettings(1, 5));

        clock.advance(Duration.ofMinutes(2));
        long allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += other.tryConsume("plan", "key", restored) instanceof ThrottleDecision.Allowed ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(2);
    }

    @Test
    void idleBucketsAndCountsExpire() {
        new RedisThrottle(first, prefix, clock).tryConsume("plan", "key", new ThrottleSettings(1, 2));
        new RedisUsageCounter(first, prefix).tryCharge("plan", "key", WINDOW, DAY, 10);

        List<Long> ttls = first.call(commands -> commands.keys(prefix + "*").stream().map(commands::pttl).toList());

        assertThat(ttls).hasSize(3).allSatisfy(ttl -> assertThat(ttl).isPositive());
    }
}
