package dev.studentapi.testkit.fake;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.KeyHash;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys in a map, sharing key bindings with an {@link InMemoryUsagePlanStore}; for core tests. Safe for
 * concurrent use.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final Map<String, ApiKey> keys = new LinkedHashMap<>();
    private final InMemoryUsagePlanStore plans;

    public InMemoryApiKeyStore(InMemoryUsagePlanStore plans) {
        this.plans = plans;
    }

    @Override
    public synchronized boolean create(ApiKey key) {
        if (keys.containsKey(key.id()) || findByHash(key.valueHash()).isPresent()) {
            return false;
        }
        keys.put(key.id(), key);
        return true;
    }

    @Override
    public synchronized Optional<ApiKey> findById(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public synchronized Optional<ApiKey> findByHash(KeyHash hash) {
        return keys.values().stream().filter(k -> k.valueHash().equals(hash)).findFirst();
    }

    @Override
    public synchronized List<ApiKey> list() {
        return keys.values().stream().sorted(Comparator.comparing(ApiKey::name).thenComparing(ApiKey::id)).toList();
    }

    @Override
    public synchronized boolean update(ApiKey key) {
        ApiKey stored = keys.get(key.id());
        if (stored == null) {
            return false;
        }
        keys.put(key.id(), key.withExpiration(stored.expiration()));
        return true;
    }

    @Override
    public synchronized boolean setExpiration(String id, Optional<Instant> expiration) {
        ApiKey stored = keys.get(id);
        if (stored == null) {
            return false;
        }
        keys.put(id, stored.withExpiration(expiration));
        return true;
    }

    @Override
    public synchronized boolean delete(String id) {
        if (keys.remove(id) == null) {
            return false;
        }
        plans.forgetKey(id);
        return true;
    }
}
