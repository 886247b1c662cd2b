package dev.studentapi.core.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A bucket in a map, whose links name the key and expiry, and whose puts can be made to fail; for core tests. */
final class MapObjectStore implements ObjectStore {

    private final String bucket;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private volatile IOException failure;

    MapObjectStore(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public StoredObject put(String key, ContentWriter writer) throws IOException {
        if (failure != null) {
            throw failure;
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

    /** From now on every put fails with {@code failure}. */
    void failPutsWith(IOException failure) {
        this.failure = failure;
    }

    /** The objects stored so far, as text by key. */
    Map<String, String> objects() {
        Map<String, String> text = new java.util.TreeMap<>();
        objects.forEach((key, bytes) -> text.put(key, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }
}
