package dev.studentapi.core.abuse;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FailedAttemptsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void anAddressIsRefusedOnceItHasFailedTheLimitWithinAMinuteAndOthersAreNot() {
        FailedAttempts attempts = FailedAttempts.perMinute(3, clock);
        for (int i = 0; i < 2; i++) {
            attempts.failed("10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(attempts.refusal("10.0.0.1")).isEmpty();
        attempts.failed("10.0.0.1");

        assertThat(attempts.refusal("10.0.0.1")).contains(Duration.ofSeconds(40));
        assertThat(attempts.refusal("10.0.0.2")).isEmpty();
    }

    @Test
    void theRefusalEndsWhenTheOldestFailureAgesOut() {
        FailedAttempts attempts = FailedAttempts.perMinute(2, clock);
        attempts.failed("a");
        clock.advance(Duration.ofSeconds(30));
        attempts.failed("a");
        clock.advance(Duration.ofMillis(29_500));
        assertThat(attempts.refusal("a")).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(500));
        assertThat(attempts.refusal("a")).isEmpty();
    }

    @Test
    void aSuccessForgetsTheFailures() {
        FailedAttempts attempts = FailedAttempts.perMinute(1, clock);
        attempts.failed("a");
        assertThat(attempts.refusal("a")).isPresent();

        attempts.succeeded("a");

        assertThat(attempts.refusal("a")).isEmpty();
    }

    @Test
    void manyAddressesNeverGrowTheTableBeyondItsBound() {
        FailedAttempts attempts = new FailedAttempts(5, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 1_000; i++) {
            attempts.failed("10.1." + (i / 250) + "." + (i % 250));
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(attempts.trackedAddresses()).isLessThanOrEqualTo(100);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
