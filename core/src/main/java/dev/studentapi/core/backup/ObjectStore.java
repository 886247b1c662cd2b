package dev.studentapi.core.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A bucket of objects (a folder, or S3). Safe for concurrent use. An object becomes visible only when
 * {@link #put} returns: a reader or a listing never sees a half-written one, and a failed or interrupted put
 * leaves nothing that is listed.
 */
public interface ObjectStore {

    /** The bucket's name. */
    String bucket();

    /**
     * Streams the writer's output into the object {@code key}, replacing any earlier one; {@code count}, asked once
     * the writer has returned, is kept with the object (S3 user metadata {@code count}) and appears together with
     * it, never before or without it.
     */
    StoredObject put(String key, ContentWriter writer, Supplier<OptionalLong> count) throws IOException;

    /** Streams the writer's output into the object {@code key}, with no count. */
    default StoredObject put(String key, ContentWriter writer) throws IOException {
        return put(key, writer, OptionalLong::empty);
    }

    /**
     * Every object whose key starts with {@code prefix}, in no particular order; the count only where the listing
     * itself tells it (use {@link #find} for it otherwise). Temporary files of unfinished puts are never listed.
     */
    List<StoredObject> list(String prefix) throws IOException;

    /** The object {@code key} with its count, or empty when there is none. */
    Optional<StoredObject> find(String key) throws IOException;

    /** The object's content as a stream the caller closes, or empty when there is none. */
    Optional<InputStream> open(String key) throws IOException;

    /** Deletes the object; {@code false} when there was none. */
    boolean delete(String key) throws IOException;

    /** A link that lets anyone holding it download the object until {@code expiresAt}, and no longer. */
    URI downloadLink(String key, Instant expiresAt);
}
