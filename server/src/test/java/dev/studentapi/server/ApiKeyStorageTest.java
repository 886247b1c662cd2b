package dev.studentapi.server;

import dev.studentapi.server.cli.Main;
import dev.studentapi.server.config.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API_KEY_STORAGE: with {@code encrypted} the control plane returns values where API Gateway does and the database
 * holds none in clear; with {@code hash} it never returns them; a data directory keeps its mode unless
 * {@code student-api keys migrate-storage} switches it.
 */
class ApiKeyStorageTest {
    private static final String ADMIN_ID = "AKIDSTORAGEADMIN";
    private static final String ADMIN_SECRET = "admin-secret-for-storage-tests";

    @TempDir
    Path dataDir;

    private TestServer start(String mode) {
        return TestServer.start(dataDir, Map.of("ADMIN_ACCESS_KEY_ID", ADMIN_ID, "ADMIN_SECRET_ACCESS_KEY",
                ADMIN_SECRET, "API_KEY_STORAGE", mode));
    }

    private static ApiGatewayClient client(TestServer server) {
        return ApiGatewayClient.builder().endpointOverride(server.server().controlPlaneEndpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ADMIN_ID, ADMIN_SECRET))).build();
    }

    /** Whether the database file (or its write-ahead log) holds {@code text} anywhere, byte for byte. */
    private boolean databaseContains(String text) throws IOException {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("student-api.db")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + wanted.length <= bytes.length; i++) {
                    if (java.util.Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString()));
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void encryptedValuesAreReturnedWhereApiGatewayReturnsThemAndNeverStoredInClear() throws IOException {
        try (TestServer server = start("encrypted"); ApiGatewayClient api = client(server)) {
            CreateApiKeyResponse created = api.createApiKey(r -> r.name("sealed").enabled(true));
            String planId = api.getUsagePlans().items().get(0).id();
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(created.id()).keyType("API_KEY"));

            assertThat(api.getApiKey(r -> r.apiKey(created.id()).includeValue(true)).value())
                    .isEqualTo(created.value());
            assertThat(api.getApiKey(r -> r.apiKey(created.id())).value()).isNull();
            assertThat(api.getApiKeys(r -> r.includeValues(true)).items()).extracting(ApiKey::value)
                    .containsExactlyInAnyOrder(created.value(), server.key());
            assertThat(api.getApiKeys().items()).extracting(ApiKey::value).containsOnlyNulls();
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId(planId)).items())
                    .extracting(k -> k.value()).containsExactlyInAnyOrder(created.value(), server.key());
            assertThat(api.getUsagePlanKey(r -> r.usagePlanId(planId).keyId(created.id())).value())
                    .isEqualTo(created.value());
            assertThat(server.get("/prod/students", created.value()).statusCode()).isEqualTo(200);

            assertThat(databaseContains(created.value())).isFalse();
            assertThat(databaseContains(server.key())).isFalse();
            assertThat(databaseContains("sealed")).isTrue();
        }
        Path key = dataDir.resolve("secrets").resolve("api-key-encryption.key");
        assertThat(Files.readString(key).strip()).hasSize(44);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void hashModeNeverReturnsAValueAfterCreation() {
        try (TestServer server = start("hash"); ApiGatewayClient api = client(server)) {
            CreateApiKeyResponse created = api.createApiKey(r -> r.name("hashed").enabled(true));
            String planId = api.getUsagePlans().items().get(0).id();
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(created.id()).keyType("API_KEY"));

            assertThat(created.value()).hasSize(40);
            assertThat(api.getApiKey(r -> r.apiKey(created.id()).includeValue(true)).value()).isNull();
            assertThat(api.getApiKeys(r -> r.includeValues(true)).items()).extracting(ApiKey::value).containsOnlyNulls();
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId(planId)).items()).extracting(k -> k.value())
                    .containsOnlyNulls();
        }
    }

    @Test
    void switchingModesIsRefusedUnlessMigratedAndMigratingToHashDropsTheValues() throws IOException {
        String value;
        try (TestServer server = start("encrypted")) {
            value = server.key();
        }
        assertThatThrownBy(() -> start("hash")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("API_KEY_STORAGE=hash, but the keys of")
                .hasMessageContaining("kept as API_KEY_STORAGE=encrypted")
                .hasMessageContaining("student-api keys migrate-storage hash");

        assertThat(cli("keys", "migrate-storage", "hash")).contains("now kept as API_KEY_STORAGE=hash")
                .contains("dropped the stored values of 1 key(s)");

        try (TestServer server = start("hash"); ApiGatewayClient api = client(server)) {
            assertThat(api.getApiKeys(r -> r.includeValues(true)).items()).extracting(ApiKey::value)
                    .containsOnlyNulls();
            assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> start("encrypted")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("keys migrate-storage encrypted");
        assertThat(cli("keys", "migrate-storage", "encrypted")).contains("1 older key(s) keep only their hash");
        try (TestServer server = start("encrypted"); ApiGatewayClient api = client(server)) {
            CreateApiKeyResponse fresh = api.createApiKey(r -> r.name("fresh"));
            assertThat(api.getApiKeys(r -> r.includeValues(true)).items()).extracting(ApiKey::value)
                    .containsExactlyInAnyOrder(null, fresh.value());
        }
    }

    @Test
    void aKeyThatDoesNotOpenTheStoredValuesIsRefused() {
        try (TestServer ignored = TestServer.start(dataDir, Map.of("API_KEY_STORAGE", "encrypted",
                "API_KEY_ENCRYPTION_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))) {
            assertThat(ignored.key()).isNotNull();
        }
        assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("API_KEY_STORAGE", "encrypted",
                "API_KEY_ENCRYPTION_KEY", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("API_KEY_ENCRYPTION_KEY does not open the stored key values");
        assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("API_KEY_STORAGE", "encrypted",
                "API_KEY_ENCRYPTION_KEY", "short"))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("API_KEY_ENCRYPTION_KEY is not valid")
                .hasMessageNotContaining("short");
        assertThat(List.of(dataDir.resolve("api-key-storage"))).allMatch(Files::exists);
    }
}
