package dev.studentapi.s3;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bucket in Amazon S3 (or any S3-compatible store), with presigned GET URLs as download links. Safe for
 * concurrent use. A put streams into a multipart upload of {@value #PART_BYTES}-byte parts through one reusable
 * buffer, so memory does not grow with the object; S3 shows the object only once the upload completes, and a
 * put that fails aborts its upload and throws, leaving nothing behind (should the abort itself fail, a bucket
 * lifecycle rule for incomplete multipart uploads cleans up). S3 errors surface as {@link IOException}.
 */
public final class S3ObjectStore implements ObjectStore {

    /** The size of every part but the last; an object of at most this size is stored with one PutObject. */
    public static final int PART_BYTES = 8 * 1024 * 1024;

    /** The longest validity S3 accepts for a presigned URL signed with SigV4. */
    public static final Duration MAX_LINK_VALIDITY = Duration.ofDays(7);

    private static final int MAX_KEY_BYTES = 1024;

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
     * @throws IllegalArgumentException when the key is empty or longer than S3 allows
     * @throws IOException              when the writer fails (rethrown as is) or S3 refuses the upload
     */
    @Override
    public StoredObject put(String key, ContentWriter writer) throws IOException {
        requireValidKey(key);
        Objects.requireNonNull(writer, "writer");
        UploadStream upload = new UploadStream(client, bucket, key, contentType(key), PART_BYTES);
        try {
            writer.writeTo(upload);
            return new StoredObject(bucket, key, upload.finish());
        } catch (Throwable failure) {
            try {
                upload.abort();
            } catch (IOException | RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
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
        if (bytes == 0 || bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("an S3 object key must have 1 to " + MAX_KEY_BYTES + " bytes");
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
