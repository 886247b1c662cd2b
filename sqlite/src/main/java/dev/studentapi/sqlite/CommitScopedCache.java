package dev.studentapi.sqlite;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Values read from a database, kept only until the next commit to it by anyone (this process or another):
 * every lookup first compares {@link SqliteDatabase#changeVersion()}, so a value is never older than the last
 * commit before the lookup. A value is stored under the version read before it was loaded, so a load that
 * races a commit is dropped with its generation. Holds at most {@code capacity} values per generation; after a
 * commit, the lookups of one key that miss together share one load.
 */
final class CommitScopedCache<K, V> {

    private record Generation<K, V>(long version, ConcurrentHashMap<K, V> values) {
    }

    private final SqliteDatabase database;
    private final int capacity;
    private final AtomicReference<Generation<K, V>> current;

    CommitScopedCache(SqliteDatabase database, int capacity) {
        this.database = database;
        this.capacity = capacity;
        this.current = new AtomicReference<>(new Generation<>(Long.MIN_VALUE, new ConcurrentHashMap<>()));
    }

    /** The value of {@code key}: kept, or loaded by {@code load} and kept until the next commit. */
    V get(K key, Function<K, V> load) {
        long version = database.changeVersion();
        Generation<K, V> generation = current.get();
        if (generation.version() != version) {
            Generation<K, V> fresh = new Generation<>(version, new ConcurrentHashMap<>());
            generation = current.compareAndSet(generation, fresh) ? fresh : current.get();
            if (generation.version() != version) {
                return load.apply(key);
            }
        }
        V value = generation.values().get(key);
        if (value != null) {
            return value;
        }
        if (generation.values().size() >= capacity) {
            return load.apply(key);
        }
        // one load per key and generation: requests that miss at the same moment wait for it
        return generation.values().computeIfAbsent(key, load);
    }
}
