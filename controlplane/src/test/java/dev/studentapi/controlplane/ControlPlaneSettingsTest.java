package dev.studentapi.controlplane;

import dev.studentapi.core.usage.ApiStage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration of the control plane: environment variables, defaults, and credentials made once. */
class ControlPlaneSettingsTest {
    private static final ApiStage STAGE = new ApiStage("student", "prod");
    private static final AdminCredentials FALLBACK = new AdminCredentials("AKIAFALLBACK", "fallback-secret");

    @Nested
    class FromEnvironment {
        @Test
        void defaultsToLoopbackPort8081AndTheFallbackCredentials() {
            ControlPlaneSettings settings = ControlPlaneSettings.fromEnvironment(Map.of(), STAGE, 8080, () -> FALLBACK);

            assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
            assertThat(settings.port()).isEqualTo(8081);
            assertThat(settings.credentials()).isEqualTo(FALLBACK);
            assertThat(settings.region()).isEqualTo("us-east-1");
            assertThat(settings.apiName()).isEqualTo("student");
            assertThat(settings.apiStage()).isEqualTo(STAGE);
        }

        @Test
        void readsEveryVariable() {
            ControlPlaneSettings settings = ControlPlaneSettings.fromEnvironment(Map.of("ADMIN_BIND", "0.0.0.0",
                    "ADMIN_PORT", "9001", "ADMIN_ACCESS_KEY_ID", "AKIAFROMENV", "ADMIN_SECRET_ACCESS_KEY", "env-secret",
                    "ADMIN_REGION", "ap-southeast-1"), STAGE, 8080, () -> {
                        throw new AssertionError("credentials are set");
                    });

            assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
            assertThat(settings.port()).isEqualTo(9001);
            assertThat(settings.credentials()).isEqualTo(new AdminCredentials("AKIAFROMENV", "env-secret"));
            assertThat(settings.region()).isEqualTo("ap-southeast-1");
        }

        @Test
        void refusesHalfTheCredentialsABadPortAndTheDataPlanePort() {
            assertThatThrownBy(() -> ControlPlaneSettings.fromEnvironment(Map.of("ADMIN_ACCESS_KEY_ID", "AKIA"), STAGE,
                    8080, () -> FALLBACK)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ControlPlaneSettings.fromEnvironment(Map.of("ADMIN_PORT", "eighty"), STAGE,
                    8080, () -> FALLBACK)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ControlPlaneSettings.fromEnvironment(Map.of("ADMIN_PORT", "8080"), STAGE,
                    8080, () -> FALLBACK)).hasMessageContaining("data-plane port");
        }

        @Test
        void neverShowsTheSecret() {
            ControlPlaneSettings settings = ControlPlaneSettings.defaults(STAGE, FALLBACK);

            assertThat(settings.toString()).contains("AKIAFALLBACK").doesNotContain("fallback-secret");
        }
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
