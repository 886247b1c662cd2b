package dev.studentapi.functions;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A bucket in a map, whose links name the key and expiry, and whose puts can be made to fail. Thread-safe. */
final class InMemoryObjectStore implements ObjectStore {

    private final String bucket;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private volatile Exception failure;

    InMemoryObjectStore(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public StoredObject put(String key, ContentWriter writer) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        writer.writeTo(content);
        objects.put(key, content.toByteArray());
        return new StoredObject(bucket, key, content.size());
    }

    @Override
    public URI downloadLink(String key, Instant expiresAt) {
        return URI.create("https://" + bucket + ".test/" + key + "?expires=" + expiresAt.getEpochSecond());
    }

    /** From now on every put fails with {@code failure} (an IOException or a RuntimeException). */
    void failPutsWith(Exception failure) {
        this.failure = failure;
    }

    /** The text of the object {@code key}, or null. */
    String object(String key) {
        byte[] content = objects.get(key);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }
}
