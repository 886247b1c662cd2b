package dev.studentapi.core.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as stored: its metadata and the hash of its value, and, only when values are kept encrypted, the
 * value sealed ({@link SealedValue}); never the value in clear. An empty name, description or customer id means
 * none was given; a null {@code expirationDate} (kept to the millisecond) means the key never expires. The
 * expiration is stored and read with the key, so the gateway's key lookup tells whether it has expired.
 */
public record ApiKey(String id, String name, String description, boolean enabled, Instant createdDate,
                     Instant lastUpdatedDate, KeyHash valueHash, String customerId, Map<String, String> tags,
                     SealedValue sealedValue, Instant expirationDate) {
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

    /** A key that never expires. */
    public ApiKey(String id, String name, String description, boolean enabled, Instant createdDate,
                  Instant lastUpdatedDate, KeyHash valueHash, String customerId, Map<String, String> tags,
                  SealedValue sealedValue) {
        this(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, customerId, tags, sealedValue,
                null);
    }

    /** A key with no customer id, no tags, no sealed value and no expiration. */
    public ApiKey(String id, String name, String description, boolean enabled, Instant createdDate,
                  Instant lastUpdatedDate, KeyHash valueHash) {
        this(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, "", Map.of(), null);
    }

    /** The value sealed at rest, present only when the store keeps values encrypted. */
    public Optional<SealedValue> sealed() {
        return Optional.ofNullable(sealedValue);
    }

    /** When the key expires; empty when never. */
    public Optional<Instant> expiration() {
        return Optional.ofNullable(expirationDate);
    }

    /** Whether the key's expiration time has come by {@code now}: from that instant on it is refused. */
    public boolean expiredAt(Instant now) {
        return expirationDate != null && !now.isBefore(expirationDate);
    }

    public ApiKey withEnabled(boolean value, Instant now) {
        return new ApiKey(id, name, description, value, createdDate, now, valueHash, customerId, tags, sealedValue,
                expirationDate);
    }

    public ApiKey withName(String value, Instant now) {
        return new ApiKey(id, value, description, enabled, createdDate, now, valueHash, customerId, tags, sealedValue,
                expirationDate);
    }

    public ApiKey withDescription(String value, Instant now) {
        return new ApiKey(id, name, value, enabled, createdDate, now, valueHash, customerId, tags, sealedValue,
                expirationDate);
    }

    public ApiKey withCustomerId(String value, Instant now) {
        return new ApiKey(id, name, description, enabled, createdDate, now, valueHash, value, tags, sealedValue,
                expirationDate);
    }

    /** The key with other tags; tagging does not change {@code lastUpdatedDate}, as on API Gateway. */
    public ApiKey withTags(Map<String, String> value) {
        return new ApiKey(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, customerId, value,
                sealedValue, expirationDate);
    }

    /**
     * The key with another expiration (empty: never), to the millisecond; like tagging, it does not change
     * {@code lastUpdatedDate}.
     */
    public ApiKey withExpiration(Optional<Instant> value) {
        return new ApiKey(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, customerId, tags,
                sealedValue, value.map(time -> time.truncatedTo(ChronoUnit.MILLIS)).orElse(null));
    }

    /** The key with its value sealed another way, or (null) not kept at all. */
    public ApiKey withSealedValue(SealedValue value) {
        return new ApiKey(id, name, description, enabled, createdDate, lastUpdatedDate, valueHash, customerId, tags,
                value, expirationDate);
    }
}
