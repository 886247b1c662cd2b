package dev.studentapi.core.backup;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

/**
 * A bucket of objects (a folder, or S3). Safe for concurrent use. An object becomes visible only when
 * {@link #put} returns: a reader never sees a half-written one, and a failed put leaves nothing behind.
 */
public interface ObjectStore {

    /** The bucket's name. */
    String bucket();

    /** Streams the writer's output into the object {@code key}, replacing any earlier one. */
    StoredObject put(String key, ContentWriter writer) throws IOException;

    /** A link that lets anyone holding it download the object until {@code expiresAt}, and no longer. */
    URI downloadLink(String key, Instant expiresAt);
}
