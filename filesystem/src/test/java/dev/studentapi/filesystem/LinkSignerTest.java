package dev.studentapi.filesystem;

import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LinkSignerTest {

    static final long EXPIRES = 1_795_813_501L;

    @TempDir
    Path temp;

    Path secretFile() {
        return temp.resolve("data").resolve("link-secret");
    }

    @Test
    void createsTheSecretOnFirstUseAndKeepsItAfterwards() throws IOException {
        String first = LinkSigner.loadOrCreate(secretFile()).sign("b", "k", EXPIRES);
        String stored = Files.readString(secretFile());

        String second = LinkSigner.loadOrCreate(secretFile()).sign("b", "k", EXPIRES);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(secretFile())).isEqualTo(stored);
        assertThat(temp.resolve("data")).isDirectoryContaining(path -> path.equals(secretFile()))
                .isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void keepsTheSecretFileReadableByItsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");

        LinkSigner.loadOrCreate(secretFile());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile()))).isEqualTo("rw-------");
    }

    @Test
    void concurrentFirstUsesAllEndUpWithTheSameSecret() throws Exception {
        List<String> signatures = Race.run(8, thread -> LinkSigner.loadOrCreate(secretFile()).sign("b", "k", EXPIRES));

        assertThat(signatures).containsOnly(LinkSigner.loadOrCreate(secretFile()).sign("b", "k", EXPIRES));
    }

    @Test
    void signsWithUrlSafeCharactersAndVerifiesOnlyTheExactSignature() throws IOException {
        LinkSigner signer = LinkSigner.loadOrCreate(secretFile());
        String signature = signer.sign("student-backups", "backups/a.json", EXPIRES);

        assertThat(signature).matches("[A-Za-z0-9_-]{43}");
        assertThat(signer.verify("student-backups", "backups/a.json", EXPIRES, signature)).isTrue();
        assertThat(signer.verify("student-backups", "backups/a.json", EXPIRES + 1, signature)).isFalse();
        assertThat(signer.verify("student-backups", "backups/b.json", EXPIRES, signature)).isFalse();
        assertThat(signer.verify("other-bucket", "backups/a.json", EXPIRES, signature)).isFalse();
        assertThat(signer.verify("student-backups", "backups/a.json", EXPIRES, signature + "A")).isFalse();
        assertThat(signer.verify("student-backups", "backups/a.json", EXPIRES, null)).isFalse();
        assertThat(signer.verify("student-backups", "backups/a.json", EXPIRES, "")).isFalse();
    }

    @Test
    void neverConfusesWhereTheBucketEndsAndTheKeyBegins() throws IOException {
        LinkSigner signer = LinkSigner.loadOrCreate(secretFile());

        assertThat(signer.verify("ab", "c", EXPIRES, signer.sign("a", "bc", EXPIRES))).isFalse();
    }

    @Test
    void differentSecretsSignDifferently() throws IOException {
        String one = LinkSigner.loadOrCreate(temp.resolve("one")).sign("b", "k", EXPIRES);
        String two = LinkSigner.loadOrCreate(temp.resolve("two")).sign("b", "k", EXPIRES);

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void refusesACorruptSecretFileWithoutQuotingIt() throws IOException {
        Files.createDirectories(secretFile().getParent());
        Files.writeString(secretFile(), "not*base64*at*all");

        assertThatThrownBy(() -> LinkSigner.loadOrCreate(secretFile())).isInstanceOf(IOException.class)
                .hasMessageContaining(secretFile().toString()).hasMessageNotContaining("not*base64");

        Files.writeString(secretFile(), "c2hvcnQ=");
        assertThatThrownBy(() -> LinkSigner.loadOrCreate(secretFile())).isInstanceOf(IOException.class)
                .hasMessageContaining("fewer than 32 bytes");
    }

    @Test
    void doesNotRevealTheSecretWhenPrinted() throws IOException {
        LinkSigner signer = LinkSigner.loadOrCreate(secretFile());

        assertThat(signer.toString()).doesNotContain(Files.readString(secretFile()).strip());
    }
}
