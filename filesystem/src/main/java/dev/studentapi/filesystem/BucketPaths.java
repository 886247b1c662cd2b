package dev.studentapi.filesystem;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps bucket names and object keys to files under the buckets root, refusing any name or key that could
 * point elsewhere (empty, absolute, {@code .} or {@code ..} segments, backslashes, control characters).
 * Immutable; it never touches the filesystem.
 */
final class BucketPaths {

    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final int MAX_KEY_LENGTH = 1024;

    private final Path root;

    BucketPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A bucket name is one plain path segment: letters, digits, dot, dash, underscore; not starting with a dot. */
    static boolean isValidBucket(String bucket) {
        return bucket != null && BUCKET.matcher(bucket).matches();
    }

    /** A key is one or more {@code /}-separated segments, none empty, {@code .} or {@code ..}. */
    static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static String requireValidBucket(String bucket) {
        if (!isValidBucket(bucket)) {
            throw new IllegalArgumentException("invalid bucket name: " + bucket);
        }
        return bucket;
    }

    static String requireValidKey(String key) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
        return key;
    }

    /** The bucket's folder. */
    Path bucket(String bucket) {
        return root.resolve(requireValidBucket(bucket));
    }

    /** The object's file, or empty when the name or key is invalid or would resolve outside the bucket. */
    Optional<Path> file(String bucket, String key) {
        if (!isValidBucket(bucket) || !isValidKey(key)) {
            return Optional.empty();
        }
        try {
            Path folder = root.resolve(bucket);
            Path file = folder.resolve(key).normalize();
            return file.startsWith(folder) && !file.equals(folder) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
