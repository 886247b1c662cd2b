package dev.studentapi.core.apikey;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as stored: its metadata and the hash of its value, and, only when values are kept encrypted, the
 * value sealed ({@link SealedValue}); never the value in clear. An empty name, description or customer id means
 * none was given.
 */
public record ApiKey(String id, String name, String description, boolean enabled, Instant createdDate,
                     Instant lastUpdatedDate, KeyHash valueHash, String customerId, Map<String, String> tags,
                     SealedValue sealedValue) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(lastUpdatedDate, "lastUpdatedDate");
        Objects.requireNonNull(valueHash, "valueHash");
        customerId = customerId == null ? "" : customerId;
        tags = Tags.copyOf(tags);
    }

    /** A key with no customer id, no tags and no sealed value. */
    public ApiKey(String id, String name, String description, boolean enabled, Instant createdDate,
                  Instant lastUpdatedDate, KeyHash valueHash) {
        this(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, "", Map.of(), null);
    }

    /** The value sealed at rest, present only when the store keeps values encrypted. */
    public Optional<SealedValue> sealed() {
        return Optional.ofNullable(sealedValue);
    }

    public ApiKey withEnabled(boolean value, Instant now) {
        return new ApiKey(id, name, description, value, createdDate, now, valueHash, customerId, tags, sealedValue);
    }

    public ApiKey withName(String value, Instant now) {
        return new ApiKey(id, value, description, enabled, createdDate, now, valueHash, customerId, tags, sealedValue);
    }

    public ApiKey withDescription(String value, Instant now) {
        return new ApiKey(id, name, value, enabled, createdDate, now, valueHash, customerId, tags, sealedValue);
    }

    public ApiKey withCustomerId(String value, Instant now) {
        return new ApiKey(id, name, description, enabled, createdDate, now, valueHash, value, tags, sealedValue);
    }

    /** The key with other tags; tagging does not change {@code lastUpdatedDate}, as on API Gateway. */
    public ApiKey withTags(Map<String, String> value) {
        return new ApiKey(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, customerId, value,
                sealedValue);
    }

    /** The key with its value sealed another way, or (null) not kept at all. */
    public ApiKey withSealedValue(SealedValue value) {
        return new ApiKey(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, customerId, tags,
                value);
    }
}
