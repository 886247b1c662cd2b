package dev.studentapi.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The gateway's record of when each key was last admitted (whether a key has expired is part of the key the
 * gateway looks up, so an admission reads nothing here). Admissions are kept in memory and written behind,
 * through {@code writer}, at most once per key per {@link #WRITE_INTERVAL}; an admitted request in between costs
 * a map lookup. A write that fails is tried again at the key's next
 * admission; {@link #flush()} writes what is still only in memory. Safe for concurrent use.
 */
public final class KeyActivityTracker {

    /** The longest a stored last-used time lags the last admission of a busy key. */
    public static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);

    private final KeyActivityStore store;
    private final Executor writer;
    /** The last time written (or being written) per key. */
    private final ConcurrentHashMap<String, Instant> written = new ConcurrentHashMap<>();
    /** The last admission per key that has not been written yet. */
    private final ConcurrentHashMap<String, Instant> unwritten = new ConcurrentHashMap<>();

    /** Writes through {@code writer} (a background thread in a server; {@code Runnable::run} in a test). */
    public KeyActivityTracker(KeyActivityStore store, Executor writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Notes that the key was admitted at {@code now}; writes it when the last write is a minute old or more. */
    public void admitted(String keyId, Instant now) {
        Instant last = written.get(keyId);
        if (last != null && now.isBefore(last.plus(WRITE_INTERVAL))) {
            unwritten.merge(keyId, now, KeyActivityTracker::later);
            return;
        }
        Instant time = now.truncatedTo(ChronoUnit.MILLIS);
        boolean[] mine = {false};
        written.compute(keyId, (id, previous) -> {
            if (previous != null && now.isBefore(previous.plus(WRITE_INTERVAL))) {
                return previous;
            }
            mine[0] = true;
            return time;
        });
        if (mine[0]) {
            unwritten.remove(keyId, time);
            try {
                writer.execute(() -> write(keyId, time));
            } catch (RejectedExecutionException stopping) {
                written.remove(keyId, time);
                unwritten.merge(keyId, time, KeyActivityTracker::later);
            }
        } else {
            unwritten.merge(keyId, now, KeyActivityTracker::later);
        }
    }

    /** One write behind; a failed one is forgotten, so that the key's next admission tries again. */
    private void write(String keyId, Instant time) {
        try {
            store.recordLastUsed(keyId, time);
        } catch (RuntimeException failed) {
            written.remove(keyId, time);
            unwritten.merge(keyId, time, KeyActivityTracker::later);
        }
    }

    /** The key's last admission known to this process, written or not. */
    public Optional<Instant> lastAdmitted(String keyId) {
        Instant pending = unwritten.get(keyId);
        Instant stored = written.get(keyId);
        if (pending == null) {
            return Optional.ofNullable(stored);
        }
        return Optional.of(stored == null ? pending : later(pending, stored));
    }

    /** Writes every admission still only in memory (on shutdown). */
    public void flush() {
        for (Map.Entry<String, Instant> entry : unwritten.entrySet()) {
            Instant time = entry.getValue().truncatedTo(ChronoUnit.MILLIS);
            if (unwritten.remove(entry.getKey(), entry.getValue())) {
                written.merge(entry.getKey(), time, KeyActivityTracker::later);
                store.recordLastUsed(entry.getKey(), time);
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
