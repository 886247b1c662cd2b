package dev.studentapi.core.apikey;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Creates, imports, changes and removes API keys. A key's value is returned once, at creation. Refusals are
 * {@link Refusal}s.
 */
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
     * Creates a key. {@code customValue} empty means a generated 40-character value. Refuses a blank name,
     * a value of the wrong length or characters, and a value already in use.
     */
    public IssuedApiKey create(String name, String description, boolean enabled, Optional<String> customValue) {
        String value = customValue.orElseGet(RandomTokens::keyValue);
        requireNewKey(name, value);
        Instant now = now();
        ApiKey key = new ApiKey(RandomTokens.id(), name.strip(), description, enabled, now, now, KeyHash.of(value));
        if (!store.create(key)) {
            throw Refusal.of(RefusalCode.KEY_VALUE_IN_USE);
        }
        return new IssuedApiKey(key, value);
    }

    /**
     * The rules for a new key's name and value, for callers that check a batch before creating any:
     * a name that is not blank, and a value of 20 to 128 printable ASCII characters. The value is never echoed.
     */
    public static void requireNewKey(String name, String value) {
        requireName(name);
        if (value.length() < MIN_CUSTOM_VALUE_LENGTH) {
            throw Refusal.of(RefusalCode.KEY_VALUE_TOO_SHORT, value.length(), MIN_CUSTOM_VALUE_LENGTH);
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw Refusal.of(RefusalCode.KEY_VALUE_TOO_LONG, value.length(), MAX_VALUE_LENGTH);
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Refusal.of(RefusalCode.KEY_VALUE_INVALID_CHARACTERS);
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw Refusal.of(RefusalCode.KEY_NAME_REQUIRED);
        }
    }

    /** Now, to the millisecond: the precision every store keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public List<ApiKey> list() {
        return store.list();
    }

    public ApiKey get(String id) {
        return store.findById(id).orElseThrow(() -> Refusal.of(RefusalCode.API_KEY_NOT_FOUND, id));
    }

    /** The key that a presented value belongs to, compared by hash in constant time. */
    public Optional<ApiKey> findByValue(String value) {
        KeyHash hash = KeyHash.of(value);
        return store.findByHash(hash).filter(key -> key.valueHash().matches(hash));
    }

    public ApiKey setEnabled(String id, boolean enabled) {
        return update(id, ApiKeyChange.NONE.withEnabled(enabled));
    }

    /** Applies every part of the change at once, or, when one part is refused (a blank name), none. */
    public ApiKey update(String id, ApiKeyChange change) {
        ApiKey key = get(id);
        if (change.name() != null) {
            requireName(change.name());
        }
        Instant now = now();
        if (change.enabled() != null) {
            key = key.withEnabled(change.enabled(), now);
        }
        if (change.name() != null) {
            key = key.withName(change.name().strip(), now);
        }
        if (change.description() != null) {
            key = key.withDescription(change.description(), now);
        }
        return save(key);
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw Refusal.of(RefusalCode.API_KEY_NOT_FOUND, id);
        }
    }

    private ApiKey save(ApiKey key) {
        if (!store.update(key)) {
            throw Refusal.of(RefusalCode.API_KEY_NOT_FOUND, key.id());
        }
        return key;
    }
}
