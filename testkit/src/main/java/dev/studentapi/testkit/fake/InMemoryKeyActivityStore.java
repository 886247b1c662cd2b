package dev.studentapi.testkit.fake;

import dev.studentapi.core.lifecycle.KeyActivity;
import dev.studentapi.core.lifecycle.KeyActivityStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Key activity in memory, for tests; counts the last-used writes. Safe for concurrent use. */
public final class InMemoryKeyActivityStore implements KeyActivityStore {

    private final ConcurrentHashMap<String, KeyActivity> activities = new ConcurrentHashMap<>();
    private final AtomicInteger lastUsedWrites = new AtomicInteger();

    @Override
    public Optional<KeyActivity> find(String keyId) {
        return Optional.ofNullable(activities.get(keyId));
    }

    @Override
    public List<KeyActivity> list() {
        return List.copyOf(activities.values());
    }

    @Override
    public void recordLastUsed(String keyId, Instant time) {
        lastUsedWrites.incrementAndGet();
        activities.compute(keyId, (id, old) -> {
            boolean later = old == null || old.lastUsedDate().map(time::isAfter).orElse(true);
            return later ? new KeyActivity(id, Optional.of(time)) : old;
        });
    }

    /** How many times {@link #recordLastUsed} was called. */
    public int lastUsedWrites() {
        return lastUsedWrites.get();
    }
}
