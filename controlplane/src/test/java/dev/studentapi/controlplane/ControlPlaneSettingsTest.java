package dev.studentapi.controlplane;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Configuration of the control plane: defaults, and credentials made once. */
class ControlPlaneSettingsTest {
    private static final AdminCredentials FALLBACK = new AdminCredentials("AKIAFALLBACK", "fallback-secret");

    @Test
    void neverShowsTheSecret() {
        ControlPlaneSettings settings = ControlPlaneSettings.defaults(FALLBACK);

        assertThat(settings.toString()).contains("AKIAFALLBACK").doesNotContain("fallback-secret");
        assertThat(settings.port()).isEqualTo(8081);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
    }

    @Nested
    class CredentialsFile {
        @Test
        void generatesOnFirstStartHandsThemOutOnceAndKeepsThem(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("data").resolve("admin-credentials.properties");
            List<AdminCredentials> shown = new ArrayList<>();

            AdminCredentials first = AdminCredentialsFile.loadOrCreate(file, shown::add);
            AdminCredentials second = AdminCredentialsFile.loadOrCreate(file, shown::add);

            assertThat(shown).containsExactly(first);
            assertThat(second).isEqualTo(first);
            assertThat(first.accessKeyId()).matches("AKIA[A-Z0-9]{16}");
            assertThat(first.secretAccessKey()).hasSize(40);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(Files.getPosixFilePermissions(file))
                        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            }
        }
    }
}
