package dev.studentapi.testkit.contract;

import dev.studentapi.core.usage.Throttle;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Throttle} must do, whatever holds its buckets; extend it per engine. */
public abstract class ThrottleContract {

    protected MutableClock clock;
    private Throttle throttle;
    private final String plan = "plan" + System.nanoTime();

    /** A throttle whose time comes from {@code clock}, with no buckets yet. */
    protected abstract Throttle newThrottle(MutableClock clock);

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-11-27T10:00:00Z");
        throttle = newThrottle(clock);
    }

    private long allowedOf(int attempts, ThrottleSettings settings, String key) {
        long allowed = 0;
        for (int i = 0; i < attempts; i++) {
            if (throttle.tryConsume(plan, key, settings) instanceof ThrottleDecision.Allowed) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    void allowsTheBurstThenRejects() {
        assertThat(allowedOf(15, new ThrottleSettings(5, 10), "k1")).isEqualTo(10);
    }

    @Test
    void refillsAtTheRatePerSecondAndNeverAboveTheBurst() {
        ThrottleSettings settings = new ThrottleSettings(5, 10);
        allowedOf(10, settings, "k1");
        clock.advance(Duration.ofMillis(400));
        assertThat(allowedOf(5, settings, "k1")).isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        assertThat(allowedOf(20, settings, "k1")).isEqualTo(10);
    }

    @Test
    void fractionalRatesRefillSlowly() {
        ThrottleSettings settings = new ThrottleSettings(0.5, 1);
        assertThat(allowedOf(3, settings, "k1")).isEqualTo(1);
        clock.advance(Duration.ofMillis(1999));
        assertThat(allowedOf(1, settings, "k1")).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(allowedOf(1, settings, "k1")).isEqualTo(1);
    }

    @Test
    void rejectionSaysHowManyWholeSecondsUntilATokenIsBack() {
        ThrottleSettings settings = new ThrottleSettings(0.25, 1);
        throttle.tryConsume(plan, "k1", settings);
        ThrottleDecision decision = throttle.tryConsume(plan, "k1", settings);
        assertThat(decision).isEqualTo(ThrottleDecision.rejected(Duration.ofSeconds(4)));
    }

    @Test
    void anAllowedRequestReportsTheTokensLeftAndTheWaitForTheNextToken() {
        ThrottleSettings settings = new ThrottleSettings(2, 5);
        ThrottleDecision.Allowed first = (ThrottleDecision.Allowed) throttle.tryConsume(plan, "k1", settings);
        assertThat(first.remainingTokens()).isEqualTo(4);
        assertThat(first.nextTokenIn()).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));

        clock.advance(Duration.ofMillis(100));
        ThrottleDecision.Allowed second = (ThrottleDecision.Allowed) throttle.tryConsume(plan, "k1", settings);
        assertThat(second.remainingTokens()).isEqualTo(3);
        assertThat(second.nextTokenIn()).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
    }

    @Test
    void keysHaveBucketsOfTheirOwn() {
        ThrottleSettings settings = new ThrottleSettings(1, 2);
        assertThat(allowedOf(5, settings, "k1")).isEqualTo(2);
        assertThat(allowedOf(5, settings, "k2")).isEqualTo(2);
    }

    @Test
    void aChangedThrottleAppliesOnTheNextRequest() {
        allowedOf(10, new ThrottleSettings(1, 10), "k1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(allowedOf(5, new ThrottleSettings(100, 100), "k1")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(allowedOf(200, new ThrottleSettings(100, 100), "k1")).isEqualTo(100);
    }

    @Test
    void fiftyThreadsRacingForTheLastTokensGetNoMoreThanThereAre() throws Exception {
        ThrottleSettings settings = new ThrottleSettings(1, 10);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return throttle.tryConsume(plan, "race", settings) instanceof ThrottleDecision.Allowed;
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : results) {
                allowed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
