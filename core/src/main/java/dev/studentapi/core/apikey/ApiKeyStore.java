package dev.studentapi.core.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores API keys by id and by value hash. Safe for concurrent use; engine failures throw StoreException. */
public interface ApiKeyStore {

    /** Adds the key; returns {@code false}, changing nothing, when its id or value hash is already stored. */
    boolean create(ApiKey key);

    Optional<ApiKey> findById(String id);

    Optional<ApiKey> findByHash(KeyHash hash);

    /** Every key, ordered by name then id. */
    List<ApiKey> list();

    /**
     * Replaces the stored key with the same id, all but its expiration (which only {@link #setExpiration}
     * changes); returns {@code false} when there is none.
     */
    boolean update(ApiKey key);

    /**
     * Sets (or, when empty, removes) the key's expiration time, in one write that changes no other field; returns
     * {@code false}, changing nothing, when there is no such key.
     */
    boolean setExpiration(String id, Optional<Instant> expiration);

    /** Removes the key and every binding of it to a usage plan; returns {@code false} when there is none. */
    boolean delete(String id);
}
