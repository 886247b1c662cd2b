package dev.studentapi.filesystem;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A bucket that is a folder, {@code <bucketsRoot>/<bucket>}, each object a file at its key, with download
 * links signed by this server. Safe for concurrent use: a put writes a temp file beside the target, forces it
 * to disk and renames it into place atomically, so readers see the old object or the new one, never a part;
 * a put that fails deletes its temp file and leaves nothing behind.
 */
public final class FileObjectStore implements ObjectStore {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final BucketPaths paths;
    private final String bucket;
    private final Supplier<URI> publicBaseUrl;
    private final LinkSigner signer;

    /**
     * @param publicBaseUrl read on every {@link #downloadLink} call, because a server learns its port only
     *                      once it has started
     */
    public FileObjectStore(Path bucketsRoot, String bucket, Supplier<URI> publicBaseUrl, LinkSigner signer) {
        this.paths = new BucketPaths(bucketsRoot);
        this.bucket = BucketPaths.requireValidBucket(bucket);
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    @Override
    public String bucket() {
        return bucket;
    }

    /** @throws IllegalArgumentException when the key is empty, absolute, has {@code ..} or a backslash */
    @Override
    public StoredObject put(String key, ContentWriter writer) throws IOException {
        Path target = paths.file(bucket, key)
                .orElseThrow(() -> new IllegalArgumentException("invalid object key: " + key));
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, tempPrefix(target), ".tmp");
        try {
            long bytes;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                writer.writeTo(new KeepOpen(out));
                out.flush();
                bytes = channel.size();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new StoredObject(bucket, key, bytes);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** A hidden name beside the target, short enough to leave room for the random part. */
    private static String tempPrefix(Path target) {
        String name = target.getFileName().toString();
        return "." + (name.length() > 100 ? name.substring(0, 100) : name) + ".";
    }

    /** {@code <publicBaseUrl>/downloads/<bucket>/<key>?expires=<epochSeconds>&signature=<signature>}. */
    @Override
    public URI downloadLink(String key, Instant expiresAt) {
        BucketPaths.requireValidKey(key);
        long expires = expiresAt.getEpochSecond();
        String base = publicBaseUrl.get().toString();
        StringBuilder link = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .append("/downloads/").append(pathSegment(bucket));
        for (String segment : key.split("/")) {
            link.append('/').append(pathSegment(segment));
        }
        link.append("?expires=").append(expires).append("&signature=").append(signer.sign(bucket, key, expires));
        return URI.create(link.toString());
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, as UTF-8. */
    static String pathSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "FileObjectStore[" + bucket + "]";
    }

    /** Lets a writer close the stream it was given without closing the file before it is forced to disk. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
