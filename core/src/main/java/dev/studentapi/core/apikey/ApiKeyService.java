package dev.studentapi.core.apikey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Creates, imports, changes and removes API keys. A key's value is returned once, at creation. */
public final class ApiKeyService {

    public static final int MIN_CUSTOM_VALUE_LENGTH = 20;
    public static final int MAX_VALUE_LENGTH = 128;

    private final ApiKeyStore store;
    private final Clock clock;

    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a key. {@code customValue} empty means a generated 40-character value.
     * Throws {@link ApiKeyException} (BAD_REQUEST for a bad name or value, CONFLICT for a value in use).
     */
    public IssuedApiKey create(String name, String description, boolean enabled, Optional<String> customValue) {
        if (name == null || name.isBlank()) {
            throw ApiKeyException.badRequest("API key name must not be blank.");
        }
        String value = customValue.orElseGet(RandomTokens::keyValue);
        if (value.length() < MIN_CUSTOM_VALUE_LENGTH || value.length() > MAX_VALUE_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiKeyException.badRequest("API key value must be " + MIN_CUSTOM_VALUE_LENGTH + " to "
                    + MAX_VALUE_LENGTH + " printable ASCII characters.");
        }
        Instant now = now();
        ApiKey key = new ApiKey(RandomTokens.id(), name.strip(), description, enabled, now, now, KeyHash.of(value));
        if (!store.create(key)) {
            throw ApiKeyException.conflict("API Key already exists");
        }
        return new IssuedApiKey(key, value);
    }

    /** Now, to the millisecond: the precision every store keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public List<ApiKey> list() {
        return store.list();
    }

    public ApiKey get(String id) {
        return store.findById(id).orElseThrow(() -> ApiKeyException.notFound("Invalid API Key identifier specified"));
    }

    /** The key that a presented value belongs to, compared by hash in constant time. */
    public Optional<ApiKey> findByValue(String value) {
        KeyHash hash = KeyHash.of(value);
        return store.findByHash(hash).filter(key -> key.valueHash().matches(hash));
    }

    public ApiKey setEnabled(String id, boolean enabled) {
        return save(get(id).withEnabled(enabled, now()));
    }

    public ApiKey rename(String id, String name) {
        if (name == null || name.isBlank()) {
            throw ApiKeyException.badRequest("API key name must not be blank.");
        }
        return save(get(id).withName(name.strip(), now()));
    }

    public ApiKey describe(String id, String description) {
        return save(get(id).withDescription(description, now()));
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw ApiKeyException.notFound("Invalid API Key identifier specified");
        }
    }

    private ApiKey save(ApiKey key) {
        if (!store.update(key)) {
            throw ApiKeyException.notFound("Invalid API Key identifier specified");
        }
        return key;
    }
}
