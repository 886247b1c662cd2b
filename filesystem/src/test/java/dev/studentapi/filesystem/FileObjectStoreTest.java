package dev.studentapi.filesystem;

import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.testkit.contract.ObjectStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileObjectStoreTest extends ObjectStoreContract {

    static final String BUCKET = "student-backups";
    static final Instant EXPIRES = Instant.parse("2026-11-27T22:05:01Z");

    @TempDir
    Path temp;

    final AtomicReference<URI> baseUrl = new AtomicReference<>(URI.create("http://127.0.0.1:7070"));
    LinkSigner signer;

    Path root() {
        return temp.resolve("buckets");
    }

    @Override
    protected ObjectStore createStore() throws IOException {
        signer = LinkSigner.loadOrCreate(temp.resolve("link-secret"));
        return new FileObjectStore(root(), BUCKET, baseUrl::get, signer);
    }

    @Override
    protected Optional<byte[]> read(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root().resolve(BUCKET).resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    protected Set<String> everything() throws IOException {
        Path bucket = root().resolve(BUCKET);
        if (!Files.exists(bucket)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> bucket.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
    }

    /** A killed put leaves its hidden temp file and, when killed between the two renames, the count file. */
    @Override
    protected void leaveAnInterruptedPut(String key) throws IOException {
        Path target = root().resolve(BUCKET).resolve(key);
        Files.createDirectories(target.getParent());
        Files.write(Files.createTempFile(target.getParent(), FileObjectStore.tempPrefix(target), ".tmp"),
                content(1_000, 1));
        Files.writeString(CountFiles.of(target), "1 1000\n");
    }

    @Test
    void keepsTheCountInAHiddenFileBesideTheObject() throws Exception {
        store.put(KEY, out -> out.write('x'), () -> OptionalLong.of(1));

        assertThat(root().resolve("student-backups/backups/.backup-20261127-210501.json.count")).hasContent("1 1\n");
        assertThat(store.list("backups/")).singleElement()
                .satisfies(object -> assertThat(object.count()).hasValue(1));
    }

    @Test
    void aCountLeftForOtherContentIsIgnored() throws Exception {
        store.put(KEY, out -> out.write('x'), () -> OptionalLong.of(1));
        Files.writeString(root().resolve("student-backups/backups/.backup-20261127-210501.json.count"), "9 500\n");

        assertThat(store.find(KEY)).hasValueSatisfying(found -> assertThat(found.count()).isEmpty());
    }

    @Test
    void keysWithHiddenSegmentsAreRefusedAndNeverServed() throws IOException {
        assertThatThrownBy(() -> store.put("backups/.backup.json.count", out -> out.write('x')))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.downloadLink(".hidden/x.json", EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
        store.put(KEY, out -> out.write('x'), () -> OptionalLong.of(1));

        assertThat(store.open("backups/.backup-20261127-210501.json.count")).isEmpty();
        assertThat(store.delete("backups/.backup-20261127-210501.json.count")).isFalse();
        assertThat(store.find(KEY)).hasValueSatisfying(found -> assertThat(found.count()).hasValue(1));
    }

    @Test
    void keepsEachObjectAtItsKeyUnderTheBucketFolder() throws Exception {
        store.put(KEY, out -> out.write('x'));

        assertThat(root().resolve("student-backups/backups/backup-20261127-210501.json")).hasContent("x");
        assertThat(store.bucket()).isEqualTo(BUCKET);
    }

    @Nested
    class Keys {

        @ParameterizedTest
        @ValueSource(strings = {"", "/etc/passwd", "../escape.json", "backups/../../escape.json", "..", ".",
                "./backup.json", "backups//backup.json", "backups/", "backups\\..\\escape.json", "bad\u0000name",
                "line\nbreak"})
        void refusesKeysThatAreEmptyAbsoluteOrClimbOut(String key) throws IOException {
            assertThatThrownBy(() -> store.put(key, out -> out.write('x')))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.downloadLink(key, EXPIRES))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(temp.resolve("escape.json")).doesNotExist();
            assertThat(root().resolve("escape.json")).doesNotExist();
            assertThat(everything()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ".", "..", ".hidden", "a/b", "a\\b", "with space"})
        void refusesBucketNamesThatAreNotOnePlainFolder(String bucket) {
            assertThatThrownBy(() -> new FileObjectStore(root(), bucket, baseUrl::get, signer))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DownloadLinks {

        @Test
        void pointAtTheDownloadsRouteWithExpiryAndSignature() {
            URI link = store.downloadLink(KEY, EXPIRES);

            assertThat(link).hasToString("http://127.0.0.1:7070/downloads/student-backups/backups/"
                    + "backup-20261127-210501.json?expires=" + EXPIRES.getEpochSecond()
                    + "&signature=" + signer.sign(BUCKET, KEY, EXPIRES.getEpochSecond()));
        }

        @Test
        void readTheBaseUrlWhenTheLinkIsMadeAndKeepItsPath() {
            baseUrl.set(URI.create("https://school.test:8443/api/"));

            assertThat(store.downloadLink(KEY, EXPIRES).toString())
                    .startsWith("https://school.test:8443/api/downloads/student-backups/backups/");
        }

        @Test
        void percentEncodeEachPathSegment() {
            String key = "backups/Bảng điểm 12A1 #1?.json";

            URI link = store.downloadLink(key, EXPIRES);

            assertThat(link.getRawPath()).isEqualTo("/downloads/student-backups/backups/"
                    + "B%E1%BA%A3ng%20%C4%91i%E1%BB%83m%2012A1%20%231%3F.json");
            assertThat(link.getPath()).isEqualTo("/downloads/student-backups/" + key);
            assertThat(link.getRawQuery()).startsWith("expires=");
        }
    }
}
