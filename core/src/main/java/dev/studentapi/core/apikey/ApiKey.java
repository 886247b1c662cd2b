package dev.studentapi.core.apikey;

import java.time.Instant;
import java.util.Objects;

/** An API key as stored: its metadata and the hash of its value, never the value itself. */
public record ApiKey(String id, String name, String description, boolean enabled, Instant createdDate,
                     Instant lastUpdatedDate, KeyHash valueHash) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(lastUpdatedDate, "lastUpdatedDate");
        Objects.requireNonNull(valueHash, "valueHash");
    }

    public ApiKey withEnabled(boolean value, Instant now) {
        return new ApiKey(id, name, description, value, createdDate, now, valueHash);
    }

    public ApiKey withName(String value, Instant now) {
        return new ApiKey(id, value, description, enabled, createdDate, now, valueHash);
    }

    public ApiKey withDescription(String value, Instant now) {
        return new ApiKey(id, name, value, enabled, createdDate, now, valueHash);
    }
}
