package dev.studentapi.core.apikey;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, imports, changes and removes API keys. A key's value is returned at creation, and afterwards only when
 * the {@link KeyValueStorage} keeps values. Refusals are {@link Refusal}s.
 */
public final class ApiKeyService {

    public static final int MIN_CUSTOM_VALUE_LENGTH = 20;
    public static final int MAX_VALUE_LENGTH = 128;
    public static final int MAX_NAME_LENGTH = 1024;
    public static final int MAX_DESCRIPTION_LENGTH = 125_000;

    private final ApiKeyStore store;
    private final Clock clock;
    private final KeyValueStorage values;

    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this(store, clock, KeyValueStorage.HASH_ONLY);
    }

    public ApiKeyService(ApiKeyStore store, Clock clock, KeyValueStorage values) {
        this.store = store;
        this.clock = clock;
        this.values = values;
    }

    /** Creates a key with a name, a description, the enabled flag and a value (empty: a generated one). */
    public IssuedApiKey create(String name, String description, boolean enabled, Optional<String> customValue) {
        return create(new NewApiKey(name, description, enabled, customValue.orElse(null), null, null));
    }

    /**
     * Creates a key. Refuses a name or description too long, a value of the wrong length or characters, bad tags,
     * and a value already in use.
     */
    public IssuedApiKey create(NewApiKey request) {
        String value = request.value() == null ? RandomTokens.keyValue() : request.value();
        requireNewKey(request.name(), value);
        requireDescription(request.description());
        Map<String, String> tags = Tags.checked(request.tags());
        Instant now = now();
        ApiKey key = new ApiKey(RandomTokens.id(), request.name().strip(), request.description(), request.enabled(),
                now, now, KeyHash.of(value), request.customerId(), tags, values.seal(value).orElse(null));
        if (!store.create(key)) {
            throw Refusal.of(RefusalCode.KEY_VALUE_IN_USE);
        }
        return new IssuedApiKey(key, value);
    }

    /**
     * The rules for a new key's name and value, for callers that check a batch before creating any: a name of at
     * most 1024 characters (empty for none, but not only spaces), and a value of 20 to 128 printable ASCII
     * characters. The value is never echoed.
     */
    public static void requireNewKey(String name, String value) {
        requireName(name == null ? "" : name);
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
        if (!name.isEmpty() && name.isBlank()) {
            throw Refusal.of(RefusalCode.KEY_NAME_REQUIRED);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Refusal.of(RefusalCode.KEY_NAME_TOO_LONG, name.length(), MAX_NAME_LENGTH);
        }
    }

    private static void requireDescription(String description) {
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw Refusal.of(RefusalCode.KEY_DESCRIPTION_TOO_LONG, description.length(), MAX_DESCRIPTION_LENGTH);
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

    /** The key's value in clear when values are kept encrypted; empty when only its hash is stored. */
    public Optional<String> value(ApiKey key) {
        return key.sealed().flatMap(values::open);
    }

    /** The key that a presented value belongs to, compared by hash in constant time. */
    public Optional<ApiKey> findByValue(String value) {
        KeyHash hash = KeyHash.of(value);
        return store.findByHash(hash).filter(key -> key.valueHash().matches(hash));
    }

    public ApiKey setEnabled(String id, boolean enabled) {
        return update(id, ApiKeyChange.NONE.withEnabled(enabled));
    }

    /** Applies every part of the change at once, or, when one part is refused, none. */
    public ApiKey update(String id, ApiKeyChange change) {
        ApiKey key = get(id);
        if (change.name() != null) {
            requireName(change.name());
        }
        if (change.description() != null) {
            requireDescription(change.description());
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
        if (change.customerId() != null) {
            key = key.withCustomerId(change.customerId(), now);
        }
        return save(key);
    }

    /** Adds tags to the key (a key already tagged takes the new value). */
    public ApiKey tag(String id, Map<String, String> tags) {
        ApiKey key = get(id);
        return save(key.withTags(Tags.merged(key.tags(), tags)));
    }

    /** Removes tags from the key. */
    public ApiKey untag(String id, Collection<String> tagKeys) {
        ApiKey key = get(id);
        return save(key.withTags(Tags.without(key.tags(), tagKeys)));
    }

    /**
     * Sets the key's expiration time (empty: never expires), to the millisecond, effective from the next request;
     * refuses an unknown key with API_KEY_NOT_FOUND.
     */
    public ApiKey setExpiration(String id, Optional<Instant> expiration) {
        Optional<Instant> millis = expiration.map(time -> time.truncatedTo(ChronoUnit.MILLIS));
        if (!store.setExpiration(id, millis)) {
            throw Refusal.of(RefusalCode.API_KEY_NOT_FOUND, id);
        }
        return get(id);
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
