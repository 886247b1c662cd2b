package dev.studentapi.ratelimit;

import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Instant;

/** Feeds Bucket4j the time of a {@link Clock}, so that tests move time by hand. */
public final class ClockTimeMeter implements TimeMeter {
    private final Clock clock;

    public ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
