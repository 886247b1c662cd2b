package dev.studentapi.functions;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
    public StoredObject put(String key, ContentWriter writer, Supplier<OptionalLong> count) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        writer.writeTo(content);
        objects.put(key, content.toByteArray());
        return new StoredObject(bucket, key, content.size(), Instant.EPOCH, count.get());
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return objects.keySet().stream().filter(key -> key.startsWith(prefix))
                .map(key -> new StoredObject(bucket, key, objects.get(key).length, Instant.EPOCH, OptionalLong.empty()))
                .toList();
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return list(key).stream().filter(object -> object.key().equals(key)).findFirst();
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public boolean delete(String key) {
        return objects.remove(key) != null;
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
