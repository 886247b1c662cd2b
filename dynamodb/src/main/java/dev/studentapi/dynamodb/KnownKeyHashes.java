package dev.studentapi.dynamodb;

import dev.studentapi.core.apikey.KeyHash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The value hashes of every stored API key as one scan found them, so that a value no key has can be refused
 * without a read: the negative cache of the key lookups. A snapshot is trusted only while its scan began less
 * than {@link #FRESH} ago, so a key created by another instance is known here at most that long after its
 * creation committed; a key this instance writes drops the snapshot at once (and a scan that raced the write is
 * not kept), so its own changes are seen by the next lookup. Only "no such key" is answered from it: a
 * hash it holds is still looked up with a strongly consistent read. A scan is taken after a lookup found no key,
 * at most once per {@link #FRESH}, by one thread (the others read meanwhile); more than {@link #MAX_HASHES}
 * hashes keep no snapshot (every unknown value is then a read) and are scanned again only after
 * {@link #RETRY_LARGE}. Safe for concurrent use.
 */
final class KnownKeyHashes {

    /** How long a snapshot answers for: the longest a key created elsewhere may be unknown here. */
    static final Duration FRESH = Duration.ofSeconds(1);
    /** The most hashes a snapshot holds. */
    static final int MAX_HASHES = 100_000;
    /** After a scan found more than {@link #MAX_HASHES}, the wait before the next one. */
    static final Duration RETRY_LARGE = Duration.ofMinutes(1);

    /** Hashes found by a scan that began at {@code takenAt}; {@code hashes} null when there were too many. */
    private record Snapshot(Instant takenAt, Set<String> hashes) {
        boolean answersAt(Instant now) {
            return hashes != null && now.isBefore(takenAt.plus(FRESH));
        }

        boolean dueAt(Instant now) {
            return !now.isBefore(takenAt.plus(hashes == null ? RETRY_LARGE : FRESH));
        }
    }

    private final Clock clock;
    /** Every hash (hex) of the table, or empty when there are more than {@link #MAX_HASHES}. */
    private final Supplier<Optional<Set<String>>> scan;
    private final ReentrantLock scanning = new ReentrantLock();
    private volatile Snapshot snapshot;
    /** Writes of keys by this instance; guarded by {@code this}. */
    private long writes;

    KnownKeyHashes(Clock clock, Supplier<Optional<Set<String>>> scan) {
        this.clock = clock;
        this.scan = scan;
    }

    /** Whether the current snapshot says for certain that no key has this hash. */
    boolean certainlyAbsent(KeyHash hash) {
        Snapshot current = snapshot;
        return current != null && current.answersAt(clock.instant()) && !current.hashes().contains(hash.hex());
    }

    /** Notes that this instance has just written a key (created it or changed its hash): drops the snapshot. */
    synchronized void written() {
        writes++;
        snapshot = null;
    }

    /** After a lookup found no key: takes a new snapshot when the last is due and no other thread is taking one. */
    void missed() {
        Snapshot current = snapshot;
        if ((current != null && !current.dueAt(clock.instant())) || !scanning.tryLock()) {
            return;
        }
        try {
            long writesBefore;
            synchronized (this) {
                writesBefore = writes;
            }
            Instant takenAt = clock.instant();
            Set<String> hashes = scan.get().map(Set::copyOf).orElse(null);
            synchronized (this) {
                if (writes == writesBefore) {
                    snapshot = new Snapshot(takenAt, hashes);
                }
            }
        } finally {
            scanning.unlock();
        }
    }
}
