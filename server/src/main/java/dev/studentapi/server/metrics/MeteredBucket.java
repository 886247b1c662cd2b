package dev.studentapi.server.metrics;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The backup bucket, timing and counting each backup written to it (a put streams the whole snapshot, so its time
 * is the backup's) with its size; failed puts count as failed backups.
 */
public final class MeteredBucket implements ObjectStore {

    private final ObjectStore delegate;
    private final Metrics metrics;

    public MeteredBucket(ObjectStore delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public String bucket() {
        return delegate.bucket();
    }

    @Override
    public StoredObject put(String key, ContentWriter writer, Supplier<OptionalLong> count) throws IOException {
        long start = System.nanoTime();
        try {
            StoredObject stored = delegate.put(key, writer, count);
            metrics.backup(true, stored.bytes(), System.nanoTime() - start);
            return stored;
        } catch (IOException | RuntimeException e) {
            metrics.backup(false, 0, System.nanoTime() - start);
            throw e;
        }
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public Optional<StoredObject> find(String key) throws IOException {
        return delegate.find(key);
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        return delegate.open(key);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return delegate.delete(key);
    }

    @Override
    public URI downloadLink(String key, Instant expiresAt) {
        return delegate.downloadLink(key, expiresAt);
    }
}
