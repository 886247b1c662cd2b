package dev.studentapi.core.backup;

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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** A bucket in a map, whose links name the key and expiry, and whose puts can be made to fail; for core tests. */
final class MapObjectStore implements ObjectStore {

    private final String bucket;
    private final Clock clock;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, StoredObject> described = new ConcurrentHashMap<>();
    private volatile IOException failure;

    MapObjectStore(String bucket, Clock clock) {
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public StoredObject put(String key, ContentWriter writer, Supplier<OptionalLong> count) throws IOException {
        if (failure != null) {
            throw failure;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        writer.writeTo(content);
        StoredObject object = new StoredObject(bucket, key, content.size(), clock.instant(), count.get());
        objects.put(key, content.toByteArray());
        described.put(key, object);
        return object;
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return described.values().stream().filter(o -> o.key().startsWith(prefix)).map(StoredObject::withoutCount)
                .toList();
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return Optional.ofNullable(described.get(key));
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public boolean delete(String key) {
        described.remove(key);
        return objects.remove(key) != null;
    }

    @Override
    public URI downloadLink(String key, Instant expiresAt) {
        return URI.create("https://" + bucket + ".test/" + key + "?expires=" + expiresAt.getEpochSecond());
    }

    /** From now on every put fails with {@code failure}. */
    void failPutsWith(IOException failure) {
        this.failure = failure;
    }

    /** Stores {@code text} at {@code key} as written at {@code time}, with no count. */
    void upload(String key, String text, Instant time) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        objects.put(key, content);
        described.put(key, new StoredObject(bucket, key, content.length, time, OptionalLong.empty()));
    }

    /** The objects stored so far, as text by key. */
    Map<String, String> objects() {
        Map<String, String> text = new TreeMap<>();
        objects.forEach((key, bytes) -> text.put(key, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }
}
