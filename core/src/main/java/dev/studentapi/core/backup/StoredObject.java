package dev.studentapi.core.backup;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An object that an object store holds in full: its size, when it was last written and, when its writer gave one
 * and the listing can tell cheaply, how many records it holds.
 */
public record StoredObject(String bucket, String key, long bytes, Instant lastModified, OptionalLong count) {

    public StoredObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(count, "count");
        if (bytes < 0) {
            throw new IllegalArgumentException("an object has at least 0 bytes: " + bytes);
        }
    }

    /** The same object without what only a full look-up tells (the count), for comparing listings. */
    public StoredObject withoutCount() {
        return new StoredObject(bucket, key, bytes, lastModified, OptionalLong.empty());
    }
}
