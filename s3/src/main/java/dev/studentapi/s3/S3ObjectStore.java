package dev.studentapi.s3;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A bucket in Amazon S3 (or any S3-compatible store), with presigned GET URLs as download links. Safe for
 * concurrent use. A put streams into a multipart upload of {@value #PART_BYTES}-byte parts through one reusable
 * buffer, so memory does not grow with the object; S3 shows the object only once the upload completes, and a
 * put that fails aborts its upload and throws, leaving nothing behind (should the abort itself fail, a bucket
 * lifecycle rule for incomplete multipart uploads cleans up). An object's count is its user metadata
 * {@code count}; a multipart upload is staged under {@value #STAGING_PREFIX} and copied into place with it, so an
 * object never appears without it (objects up to 5 GiB, CopyObject's limit). S3 errors surface as
 * {@link IOException}.
 */
public final class S3ObjectStore implements ObjectStore {

    /** The size of every part but the last; an object of at most this size is stored with one PutObject. */
    public static final int PART_BYTES = 8 * 1024 * 1024;

    /** The longest validity S3 accepts for a presigned URL signed with SigV4. */
    public static final Duration MAX_LINK_VALIDITY = Duration.ofDays(7);

    /** Where multipart uploads are staged until complete; never listed, and a lifecycle rule may expire it. */
    public static final String STAGING_PREFIX = ".staging/";

    private static final int MAX_KEY_BYTES = 1024;
    private static final String COUNT = "count";

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    public S3ObjectStore(S3Client client, S3Presigner presigner, String bucket) {
        this(client, presigner, bucket, Clock.systemUTC());
    }

    /**
     * @param clock tells how long a link must stay valid; S3 checks the link against its own time, so this is
     *              the system clock outside tests
     */
    public S3ObjectStore(S3Client client, S3Presigner presigner, String bucket, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = requireValidBucket(bucket);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String bucket() {
        return bucket;
    }

    /**
     * Creates the bucket unless it exists already (in the client's region); safe to call on every start.
     *
     * @throws IOException when S3 refuses, e.g. because another account owns a bucket of that name
     */
    public void createBucketIfAbsent() throws IOException {
        try {
            client.headBucket(r -> r.bucket(bucket));
            return;
        } catch (NoSuchBucketException absent) {
            // create it below
        } catch (SdkException e) {
            throw S3Failure.ofBucket("check", bucket, e);
        }
        Region region = client.serviceClientConfiguration().region();
        try {
            client.createBucket(r -> {
                r.bucket(bucket);
                if (region != null && !Region.US_EAST_1.equals(region)) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
                }
            });
        } catch (BucketAlreadyOwnedByYouException createdMeanwhile) {
            // another instance won the race; the bucket is there
        } catch (SdkException e) {
            throw S3Failure.ofBucket("create", bucket, e);
        }
    }

    /**
     * @throws IllegalArgumentException when the key is empty, longer than S3 allows or under the staging prefix
     * @throws IOException              when the writer fails (rethrown as is) or S3 refuses the upload
     */
    @Override
    public StoredObject put(String key, ContentWriter writer, Supplier<OptionalLong> count) throws IOException {
        requireValidKey(key);
        Objects.requireNonNull(writer, "writer");
        UploadStream upload = new UploadStream(client, bucket, key, STAGING_PREFIX + UUID.randomUUID() + "/" + key,
                contentType(key), PART_BYTES);
        try {
            writer.writeTo(upload);
            OptionalLong counted = count.get();
            upload.finish(counted.isPresent() ? Map.of(COUNT, Long.toString(counted.getAsLong())) : Map.of());
        } catch (Throwable failure) {
            try {
                upload.abort();
            } catch (IOException | RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        return find(key).orElseThrow(() -> new IOException("s3://" + bucket + "/" + key + " vanished as it was put"));
    }

    /** One ListObjectsV2 walk; S3 listings carry no user metadata, so no count. */
    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        try {
            List<StoredObject> found = new ArrayList<>();
            for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                if (!object.key().startsWith(STAGING_PREFIX)) {
                    found.add(new StoredObject(bucket, object.key(), object.size(),
                            object.lastModified().truncatedTo(ChronoUnit.SECONDS), OptionalLong.empty()));
                }
            }
            return found;
        } catch (SdkException e) {
            throw S3Failure.of("list", bucket, prefix + "*", e);
        }
    }

    /** One HeadObject; the count is the user metadata {@code count}. */
    @Override
    public Optional<StoredObject> find(String key) throws IOException {
        if (!isObjectKey(key)) {
            return Optional.empty();
        }
        HeadObjectResponse head;
        try {
            head = client.headObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Failure.of("look up", bucket, key, e);
        } catch (SdkException e) {
            throw S3Failure.of("look up", bucket, key, e);
        }
        return Optional.of(new StoredObject(bucket, key, head.contentLength(),
                head.lastModified().truncatedTo(ChronoUnit.SECONDS), count(head.metadata().get(COUNT))));
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        if (!isObjectKey(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.getObject(r -> r.bucket(bucket).key(key)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Failure.of("read", bucket, key, e);
        }
    }

    /** A HeadObject to tell whether it was there, then DeleteObject (which succeeds either way). */
    @Override
    public boolean delete(String key) throws IOException {
        if (find(key).isEmpty()) {
            return false;
        }
        try {
            client.deleteObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            throw S3Failure.of("delete", bucket, key, e);
        }
    }

    private static OptionalLong count(String metadata) {
        try {
            return metadata == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(metadata));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean isObjectKey(String key) {
        return key != null && !key.isEmpty() && !key.startsWith(STAGING_PREFIX)
                && key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES;
    }

    /**
     * A presigned GET URL for the object, valid from now until {@code expiresAt} (to the second).
     *
     * @throws IllegalArgumentException when {@code expiresAt} is not in the future or more than
     *                                  {@link #MAX_LINK_VALIDITY} away, or the key is invalid
     */
    @Override
    public URI downloadLink(String key, Instant expiresAt) {
        requireValidKey(key);
        Duration validity = Duration.ofSeconds(expiresAt.getEpochSecond() - clock.instant().getEpochSecond());
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_LINK_VALIDITY) > 0) {
            throw new IllegalArgumentException("a download link must expire within " + MAX_LINK_VALIDITY.toDays()
                    + " days from now, not at " + expiresAt);
        }
        var presigned = presigner.presignGetObject(r -> r.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket).key(key)));
        try {
            return presigned.url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("S3 presigner produced an invalid URL", e);
        }
    }

    private static String contentType(String key) {
        return key.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    private static String requireValidKey(String key) {
        Objects.requireNonNull(key, "key");
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_KEY_BYTES - STAGING_PREFIX.length() - 37) {
            throw new IllegalArgumentException("an S3 object key must have 1 to "
                    + (MAX_KEY_BYTES - STAGING_PREFIX.length() - 37) + " bytes");
        }
        if (key.startsWith(STAGING_PREFIX)) {
            throw new IllegalArgumentException("keys under " + STAGING_PREFIX + " are reserved for uploads");
        }
        return key;
    }

    private static String requireValidBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("not a valid S3 bucket name: " + bucket);
        }
        return bucket;
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + bucket + "]";
    }
}
