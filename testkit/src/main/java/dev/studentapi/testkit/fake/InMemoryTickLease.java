package dev.studentapi.testkit.fake;

import dev.studentapi.core.schedule.TickLease;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Claimed ticks in a concurrent set, shared by the schedulers of one test; safe for concurrent use. */
public final class InMemoryTickLease implements TickLease {
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(String schedule, Instant tick, String holder) {
        return claimed.add(schedule + "@" + tick.toEpochMilli());
    }
}
