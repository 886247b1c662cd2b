package dev.studentapi.filesystem;

import dev.studentapi.core.backup.DownloadLinks.Target;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DownloadResolverTest {

    static final String BUCKET = "student-backups";
    static final String KEY = "backups/backup-20261127-210501.json";
    static final String CONTENT = "[{\"studentId\":\"SV001\",\"name\":\"Nguyễn Văn An\"}]";

    @TempDir
    Path temp;

    final MutableClock clock = MutableClock.at("2026-11-27T21:05:01Z");
    Path root;
    LinkSigner signer;
    FileObjectStore store;
    DownloadResolver resolver;
    Instant expiresAt;
    URI link;

    @BeforeEach
    void storeABackupAndLinkToIt() throws IOException {
        root = temp.resolve("buckets");
        signer = LinkSigner.loadOrCreate(temp.resolve("link-secret"));
        store = new FileObjectStore(root, BUCKET, () -> URI.create("http://127.0.0.1:7070"), signer);
        resolver = new DownloadResolver(root, signer, clock);
        store.put(KEY, out -> out.write(CONTENT.getBytes(StandardCharsets.UTF_8)));
        expiresAt = clock.instant().plus(Duration.ofHours(1));
        link = store.downloadLink(KEY, expiresAt);
    }

    /** The four parts of a link as the server's route hands them over: decoded path segments and query values. */
    record LinkParts(String bucket, String key, String expires, String signature) {

        static LinkParts of(URI link) {
            String path = link.getPath().substring("/downloads/".length());
            int slash = path.indexOf('/');
            Map<String, String> query = new HashMap<>();
            for (String pair : link.getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                query.put(nameValue[0], nameValue[1]);
            }
            return new LinkParts(path.substring(0, slash), path.substring(slash + 1), query.get("expires"),
                    query.get("signature"));
        }

        List<LinkParts> everySingleCharacterChange() {
            List<LinkParts> changed = new ArrayList<>();
            for (String variant : variants(bucket)) {
                changed.add(new LinkParts(variant, key, expires, signature));
            }
            for (String variant : variants(key)) {
                changed.add(new LinkParts(bucket, variant, expires, signature));
            }
            for (String variant : variants(expires)) {
                changed.add(new LinkParts(bucket, key, variant, signature));
            }
            for (String variant : variants(signature)) {
                changed.add(new LinkParts(bucket, key, expires, variant));
            }
            return changed;
        }

        /** Each character replaced by each of several others, each character dropped, and one added. */
        private static List<String> variants(String text) {
            String replacements = "aAzZ09/._-%~ ";
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                for (char c : replacements.toCharArray()) {
                    if (c != text.charAt(i)) {
                        variants.add(text.substring(0, i) + c + text.substring(i + 1));
                    }
                }
                char flipped = Character.isUpperCase(text.charAt(i))
                        ? Character.toLowerCase(text.charAt(i)) : Character.toUpperCase(text.charAt(i));
                if (flipped != text.charAt(i)) {
                    variants.add(text.substring(0, i) + flipped + text.substring(i + 1));
                }
                variants.add(text.substring(0, i) + text.substring(i + 1));
            }
            variants.add(text + "0");
            return variants;
        }
    }

    Target follow(LinkParts parts) {
        return resolver.resolve(parts.bucket(), parts.key(), parts.expires(), parts.signature());
    }

    /** A link signed with the real secret, as if the signer itself had been fooled into signing it. */
    Target signedLink(String bucket, String key) {
        long expires = expiresAt.getEpochSecond();
        return resolver.resolve(bucket, key, Long.toString(expires), signer.sign(bucket, key, expires));
    }

    @Test
    void aGenuineLinkLeadsToTheStoredFile() {
        Target download = follow(LinkParts.of(link));

        Path file = root.resolve(BUCKET).resolve(KEY);
        assertThat(download).isEqualTo(new Target.Found(file));
        assertThat(file).hasContent(CONTENT);
    }

    @Test
    void aLinkWorksUntilTheSecondItExpiresAndNeverAfter() {
        clock.set(expiresAt.minusSeconds(1));
        assertThat(follow(LinkParts.of(link))).isInstanceOf(Target.Found.class);

        clock.set(expiresAt);
        assertThat(follow(LinkParts.of(link))).isEqualTo(new Target.Expired());

        clock.advance(Duration.ofDays(30));
        assertThat(follow(LinkParts.of(link))).isEqualTo(new Target.Expired());
    }

    @Test
    void aGenuineLinkToADeletedObjectIsMissing() throws IOException {
        Files.delete(root.resolve(BUCKET).resolve(KEY));

        assertThat(follow(LinkParts.of(link))).isEqualTo(new Target.Missing());
    }

    @Nested
    class Tampering {

        @Test
        void changingAnySingleCharacterOfBucketKeyExpiryOrSignatureIsRefused() {
            List<LinkParts> tampered = LinkParts.of(link).everySingleCharacterChange();

            assertThat(tampered).hasSizeGreaterThan(1_000);
            assertThat(tampered).allSatisfy(parts -> assertThat(follow(parts))
                    .as("%s", parts)
                    .isInstanceOfAny(Target.Tampered.class, Target.Expired.class));
        }

        @Test
        void aForgedLinkToAnAbsentObjectIsTamperedNotMissing() {
            LinkParts genuine = LinkParts.of(link);

            assertThat(resolver.resolve(BUCKET, "backups/nope.json", genuine.expires(), genuine.signature()))
                    .isEqualTo(new Target.Tampered());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "x", "-1", "+1795817101", "01795817101", "1795817101 ", "1e9",
                "99999999999999999999"})
        void missingOrMalformedExpiryIsRefused(String expires) {
            LinkParts genuine = LinkParts.of(link);

            assertThat(resolver.resolve(BUCKET, KEY, expires, genuine.signature()))
                    .isEqualTo(new Target.Tampered());
        }

        @Test
        void missingParametersAreRefused() {
            LinkParts genuine = LinkParts.of(link);

            assertThat(resolver.resolve(BUCKET, KEY, null, genuine.signature())).isEqualTo(new Target.Tampered());
            assertThat(resolver.resolve(BUCKET, KEY, genuine.expires(), null)).isEqualTo(new Target.Tampered());
            assertThat(resolver.resolve(BUCKET, KEY, genuine.expires(), "")).isEqualTo(new Target.Tampered());
            assertThat(resolver.resolve(null, KEY, genuine.expires(), genuine.signature()))
                    .isEqualTo(new Target.Tampered());
            assertThat(resolver.resolve(BUCKET, null, genuine.expires(), genuine.signature()))
                    .isEqualTo(new Target.Tampered());
        }
    }

    @Nested
    class Traversal {

        @BeforeEach
        void putSecretsBesideTheBucket() throws IOException {
            Files.writeString(temp.resolve("passwd"), "outside every bucket");
            Files.writeString(root.resolve("passwd"), "in the buckets root");
            Files.createDirectories(root.resolve("other-bucket"));
            Files.writeString(root.resolve("other-bucket/keys.json"), "another bucket");
        }

        @ParameterizedTest
        @ValueSource(strings = {"../passwd", "../../passwd", "backups/../../passwd", "../other-bucket/keys.json",
                "..", ".", "/etc/passwd", "..\\passwd", "backups\\..\\..\\passwd", "backups//../../passwd",
                "./../passwd", "pass\u0000wd"})
        void keysThatClimbOutOfTheBucketAreRefusedEvenWhenSigned(String key) {
            assertThat(signedLink(BUCKET, key)).isEqualTo(new Target.Tampered());
        }

        @ParameterizedTest
        @ValueSource(strings = {"..", ".", "", "other-bucket/..", "../buckets", "/tmp", ".hidden"})
        void bucketsThatAreNotOnePlainFolderAreRefusedEvenWhenSigned(String bucket) {
            assertThat(signedLink(bucket, "passwd")).isEqualTo(new Target.Tampered());
        }

        @ParameterizedTest
        @ValueSource(strings = {"%2e%2e/passwd", "%2E%2E%2Fpasswd", "..%2fpasswd", "%252e%252e%252fpasswd",
                "..%5cpasswd"})
        void encodedTraversalIsJustAnOddNameInsideTheBucket(String key) {
            // the route decodes once; the resolver never decodes again, so these stay literal names
            assertThat(signedLink(BUCKET, key)).isEqualTo(new Target.Missing());
        }

        @Test
        void symbolicLinksOutOfTheBucketLeadNowhere() throws IOException {
            assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
            Path bucket = root.resolve(BUCKET);
            Files.createSymbolicLink(bucket.resolve("backups/linked.json"), temp.resolve("passwd"));
            Files.createSymbolicLink(bucket.resolve("escape"), temp);

            assertThat(signedLink(BUCKET, "backups/linked.json")).isEqualTo(new Target.Missing());
            assertThat(signedLink(BUCKET, "escape/passwd")).isEqualTo(new Target.Missing());
        }

        @Test
        void anotherBucketServesOnlyItsOwnObjects() {
            assertThat(signedLink("other-bucket", "keys.json")).isInstanceOf(Target.Found.class);
            assertThat(signedLink("other-bucket", KEY)).isEqualTo(new Target.Missing());
        }
    }
}
