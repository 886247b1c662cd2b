package dev.studentapi.testkit.fake;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A bucket in a map, whose links name the key and expiry, whose objects are stamped with a clock, and whose puts
 * can be made to fail; for tests. Safe for concurrent use.
 */
public final class InMemoryObjectStore implements ObjectStore {

    private record Entry(byte[] content, StoredObject object) {}

    private final String bucket;
    private final Clock clock;
    private final Map<String, Entry> objects = new ConcurrentHashMap<>();
    private volatile Exception failure;

    public InMemoryObjectStore(String bucket, Clock clock) {
        this.bucket = bucket;
        this.clock = clock;
    }

    public InMemoryObjectStore(String bucket) {
        this(bucket, Clock.systemUTC());
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
        StoredObject object = new StoredObject(bucket, key, content.size(), clock.instant(), count.get());
        objects.put(key, new Entry(content.toByteArray(), object));
        return object;
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return objects.values().stream().map(Entry::object).filter(o -> o.key().startsWith(prefix)).toList();
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return Optional.ofNullable(objects.get(key)).map(Entry::object);
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(objects.get(key)).map(entry -> new ByteArrayInputStream(entry.content()));
    }

    @Override
    public boolean delete(String key) {
        return objects.remove(key) != null;
    }

    @Override
    public URI downloadLink(String key, Instant expiresAt) {
        return URI.create("https://" + bucket + ".test/" + key + "?expires=" + expiresAt.getEpochSecond());
    }

    /** From now on every put fails with {@code failure} (an IOException or a RuntimeException); null ends it. */
    public void failPutsWith(Exception failure) {
        this.failure = failure;
    }

    /** Stores {@code text} at {@code key} as if someone had uploaded it, with no count. */
    public void upload(String key, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        objects.put(key, new Entry(content, new StoredObject(bucket, key, content.length, clock.instant(),
                OptionalLong.empty())));
    }

    /** The text of the object {@code key}, or null. */
    public String text(String key) {
        Entry entry = objects.get(key);
        return entry == null ? null : new String(entry.content(), StandardCharsets.UTF_8);
    }

    /** The bytes of the object {@code key}, if any. */
    public Optional<byte[]> content(String key) {
        return Optional.ofNullable(objects.get(key)).map(entry -> entry.content().clone());
    }

    /** Every key held. */
    public List<String> keys() {
        return objects.keySet().stream().sorted().toList();
    }
}
