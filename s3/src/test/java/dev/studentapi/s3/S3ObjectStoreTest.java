package dev.studentapi.s3;

import dev.studentapi.aws.AwsAccess;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;
import dev.studentapi.testkit.MotoServer;
import dev.studentapi.testkit.RequiresMotoServer;
import dev.studentapi.testkit.contract.ObjectStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RequiresMotoServer
class S3ObjectStoreTest extends ObjectStoreContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static MotoServer moto;
    private static S3Connection s3;

    private String bucket;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        s3 = S3Connection.open(new AwsAccess("us-east-1", Optional.of(moto.endpoint()),
                Optional.of(AwsAccess.Keys.of("test", "test"))));
    }

    @AfterAll
    static void stopMoto() {
        if (s3 != null) {
            s3.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    protected ObjectStore createStore() throws IOException {
        bucket = "student-backups-" + BUCKETS.incrementAndGet();
        S3ObjectStore created = new S3ObjectStore(s3.client(), s3.presigner(), bucket);
        created.createBucketIfAbsent();
        return created;
    }

    @Override
    protected Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.client().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Every object key, plus {@code upload:<key>} for each multipart upload still pending. */
    @Override
    protected Set<String> everything() {
        Set<String> keys = new HashSet<>();
        s3.client().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key)
                .forEach(keys::add);
        s3.client().listMultipartUploads(r -> r.bucket(bucket)).uploads()
                .forEach(upload -> keys.add("upload:" + upload.key()));
        return keys;
    }

    /** A killed put leaves a pending multipart upload, or (killed between complete and copy) a staged object. */
    @Override
    protected void leaveAnInterruptedPut(String key) {
        String pending = S3ObjectStore.STAGING_PREFIX + "pending/" + key;
        String upload = s3.client().createMultipartUpload(r -> r.bucket(bucket).key(pending)).uploadId();
        s3.client().uploadPart(r -> r.bucket(bucket).key(pending).uploadId(upload).partNumber(1),
                RequestBody.fromBytes(content(1_000, 1)));
        s3.client().putObject(r -> r.bucket(bucket).key(S3ObjectStore.STAGING_PREFIX + "complete/" + key),
                RequestBody.fromBytes(content(1_000, 2)));
    }

    @Test
    void keepsTheCountAsUserMetadata() throws Exception {
        store.put(KEY, out -> out.write('x'), () -> OptionalLong.of(12));

        assertThat(s3.client().headObject(r -> r.bucket(bucket).key(KEY)).metadata()).containsEntry("count", "12");
    }

    @Test
    void aMultipartObjectAppearsWithItsCountAndLeavesNoStagedCopy() throws Exception {
        store.put(KEY, out -> {
            for (int i = 0; i < 3; i++) {
                out.write(content(S3ObjectStore.PART_BYTES, i));
            }
        }, () -> OptionalLong.of(3));

        assertThat(store.find(KEY)).hasValueSatisfying(found -> {
            assertThat(found.count()).hasValue(3);
            assertThat(found.bytes()).isEqualTo(3L * S3ObjectStore.PART_BYTES);
        });
        assertThat(s3.client().headObject(r -> r.bucket(bucket).key(KEY)).contentType()).isEqualTo("application/json");
        assertThat(everything()).containsExactly(KEY);
    }

    private static byte[] get(URI link) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", link).isEqualTo(200);
        return response.body();
    }

    @Test
    void aPresignedLinkDownloadsTheSameBytesWithAPlainGet() throws Exception {
        byte[] data = content(70_000, 11);
        String key = "backups/Bảng điểm 12A1 #1?.json";
        store.put(key, out -> out.write(data));

        URI link = store.downloadLink(key, Instant.now().plus(Duration.ofHours(1)));

        assertThat(link.getQuery()).contains("X-Amz-Signature=", "X-Amz-Credential=test/");
        assertThat(get(link)).isEqualTo(data);
    }

    @Test
    void signsTheLinkForTheSecondsLeftUntilItsExpiry() {
        Instant now = Instant.parse("2026-11-27T21:05:01.700Z");
        S3ObjectStore fixed = new S3ObjectStore(s3.client(), s3.presigner(), bucket,
                Clock.fixed(now, ZoneOffset.UTC));

        URI link = fixed.downloadLink(KEY, now.plus(Duration.ofHours(1)));

        assertThat(link.getQuery()).contains("X-Amz-Expires=3600");
    }

    @Test
    void anObjectOfSeveralPartsRoundTripsWhenWrittenInChunks() throws Exception {
        int chunk = 64 * 1024;
        int chunks = 20 * 1024 * 1024 / chunk;
        MessageDigest written = MessageDigest.getInstance("SHA-256");

        StoredObject stored = store.put(KEY, out -> {
            for (int i = 0; i < chunks; i++) {
                byte[] bytes = content(chunk, i);
                written.update(bytes);
                out.write(bytes);
            }
        });

        assertThat(stored.bytes()).isEqualTo(20L * 1024 * 1024);
        byte[] read = read(KEY).orElseThrow();
        assertThat(read).hasSize(20 * 1024 * 1024);
        assertThat(MessageDigest.getInstance("SHA-256").digest(read)).isEqualTo(written.digest());
        assertThat(everything()).containsExactly(KEY);
    }

    @Test
    void anObjectOfExactlyOnePartIsStoredWhole() throws Exception {
        byte[] data = content(S3ObjectStore.PART_BYTES, 12);

        store.put(KEY, out -> out.write(data));

        assertThat(read(KEY)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(data));
    }

    @Test
    void aWriterThatThrowsAfterSomePartsLeavesNoObjectAndNoPendingUpload() {
        assertThatThrownBy(() -> store.put(KEY, out -> {
            for (int i = 0; i < 3; i++) {
                out.write(content(S3ObjectStore.PART_BYTES, i));
            }
            throw new IOException("student table unreadable");
        })).isInstanceOf(IOException.class).hasMessage("student table unreadable");

        assertThat(s3.client().listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
        assertThat(read(KEY)).isEmpty();
        assertThat(everything()).isEmpty();
    }

    @Test
    void storesJsonWithItsContentType() throws Exception {
        store.put(KEY, out -> out.write('x'));

        assertThat(s3.client().headObject(r -> r.bucket(bucket).key(KEY)).contentType())
                .isEqualTo("application/json");
    }

    @Nested
    class Failures {

        @Test
        void aMissingBucketFailsThePutWithAReadableIoException() {
            S3ObjectStore missing = new S3ObjectStore(s3.client(), s3.presigner(), "no-such-bucket");

            assertThatThrownBy(() -> missing.put(KEY, out -> out.write('x'))).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Couldn't store s3://no-such-bucket/" + KEY + ": NoSuchBucket");
        }

        @Test
        void creatingAnExistingBucketAgainIsFine() throws IOException {
            ((S3ObjectStore) store).createBucketIfAbsent();

            assertThat(s3.client().listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
        }

        @Test
        void refusesLinksThatExpireInThePastOrBeyondSevenDays() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            assertThatThrownBy(() -> store.downloadLink(KEY, now.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.downloadLink(KEY, now.plus(Duration.ofDays(8))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesEmptyKeysAndInvalidBucketNames() {
            assertThatThrownBy(() -> store.put("", out -> out.write('x'))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new S3ObjectStore(s3.client(), s3.presigner(), "Student_Backups"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Endpoints {

        @Test
        void addressesBucketsByPathWhenTheEndpointIsOverridden() {
            URI link = store.downloadLink(KEY, Instant.now().plus(Duration.ofMinutes(5)));

            assertThat(link.toString()).startsWith(moto.endpoint() + "/" + bucket + "/backups/backup-");
        }
    }
}
