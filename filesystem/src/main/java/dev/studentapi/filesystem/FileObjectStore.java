package dev.studentapi.filesystem;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A bucket that is a folder, {@code <bucketsRoot>/<bucket>}, each object a file at its key, with download
 * links signed by this server. Safe for concurrent use: a put writes a temp file beside the target, forces it
 * to disk and renames it into place atomically, so readers see the old object or the new one, never a part;
 * a put that fails deletes its temp file and leaves nothing behind. An object's count lives in a hidden file
 * beside it ({@link CountFiles}), written in full before the object appears; hidden files (those and the temp
 * files an interrupted put leaves) are never listed, found or served.
 */
public final class FileObjectStore implements ObjectStore {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final BucketPaths paths;
    private final String bucket;
    private final Supplier<URI> publicBaseUrl;
    private final LinkSigner signer;
    private final CountFiles counts = new CountFiles();

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

    /**
     * @throws IllegalArgumentException when the key is empty, absolute, has {@code ..} or a backslash, or a segment
     *                                  that starts with a dot (reserved for temporary files and counts)
     */
    @Override
    public StoredObject put(String key, ContentWriter writer, Supplier<OptionalLong> count) throws IOException {
        Path target = objectFile(key).orElseThrow(() -> new IllegalArgumentException("invalid object key: " + key));
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
            counts.write(target, count.get(), bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return describe(key, target).orElseThrow(() -> new IOException("object " + key + " vanished as it was put"));
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** Every listed object's key and size, with its count; hidden files (temporary ones, counts) are skipped. */
    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        Path bucketFolder = paths.bucket(bucket);
        int slash = prefix.lastIndexOf('/');
        Optional<Path> folder = slash < 0 ? Optional.of(bucketFolder) : objectFile(prefix.substring(0, slash));
        if (folder.isEmpty() || !Files.isDirectory(folder.get(), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<StoredObject> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder.get())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String key = bucketFolder.relativize(file).toString().replace(File.separatorChar, '/');
                if (key.startsWith(prefix) && !isReserved(key) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    describe(key, file).ifPresent(found::add);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }

    @Override
    public Optional<StoredObject> find(String key) throws IOException {
        Optional<Path> file = objectFile(key);
        return file.isEmpty() ? Optional.empty() : describe(key, file.get());
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        Optional<Path> file = objectFile(key);
        if (file.isEmpty() || !Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file.get()));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    /** Deletes the object, then its count. */
    @Override
    public boolean delete(String key) throws IOException {
        Optional<Path> file = objectFile(key);
        if (file.isEmpty()) {
            return false;
        }
        boolean existed = Files.deleteIfExists(file.get());
        counts.delete(file.get());
        return existed;
    }

    /** The object's description as the file is now, or empty when it is gone. */
    private Optional<StoredObject> describe(String key, Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new StoredObject(bucket, key, attributes.size(),
                    attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS),
                    counts.read(file, attributes.size())));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    /** The file of a key that objects may have: valid, and no segment starting with a dot. */
    private Optional<Path> objectFile(String key) {
        return isReserved(key) ? Optional.empty() : paths.file(bucket, key);
    }

    /** Keys with a segment that starts with a dot are this store's own (temporary files, counts). */
    static boolean isReserved(String key) {
        return key.startsWith(".") || key.contains("/.");
    }

    /** A hidden name beside the target, short enough to leave room for the random part. */
    static String tempPrefix(Path target) {
        String name = target.getFileName().toString();
        return "." + (name.length() > 100 ? name.substring(0, 100) : name) + ".";
    }

    /** {@code <publicBaseUrl>/downloads/<bucket>/<key>?expires=<epochSeconds>&signature=<signature>}. */
    @Override
    public URI downloadLink(String key, Instant expiresAt) {
        if (isReserved(BucketPaths.requireValidKey(key))) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
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
