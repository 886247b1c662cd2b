package dev.studentapi.server;

import dev.studentapi.server.config.Settings;
import dev.studentapi.server.config.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ADMIN_CREDENTIALS_FILE on a running server: its credentials, their allow lists, and the admin pair beside them. */
class AdminCredentialsFileTest {
    private static final String READER = """
            {"credentials": [{"accessKeyId": "AKIASERVERREADER001", "secretAccessKey": "server-reader-secret-0123",
              "name": "reader", "allow": [{"actions": ["apigateway:GET"], "resources": ["arn:aws:apigateway:*::/*"]}]}]}
            """;

    @TempDir
    Path dataDir;
    @TempDir
    Path config;

    private static ApiGatewayClient client(TestServer server, String id, String secret) {
        return ApiGatewayClient.builder().endpointOverride(server.server().controlPlaneEndpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(id, secret))).build();
    }

    @Test
    void aReadOnlyOperatorListsButCannotCreateAndTheAdminPairMayDoEverything() throws IOException {
        Path file = Files.writeString(config.resolve("operators.json"), READER);
        try (TestServer server = TestServer.start(dataDir, Map.of("ADMIN_CREDENTIALS_FILE", file.toString(),
                "ADMIN_ACCESS_KEY_ID", "AKIASERVERADMIN0001", "ADMIN_SECRET_ACCESS_KEY", "server-admin-secret-0123",
                "ADMIN_ACCOUNT_ID", "210987654321"));
             ApiGatewayClient reader = client(server, "AKIASERVERREADER001", "server-reader-secret-0123");
             ApiGatewayClient admin = client(server, "AKIASERVERADMIN0001", "server-admin-secret-0123")) {
            assertThat(reader.getApiKeys().items()).extracting(k -> k.name()).containsExactly("StudentApiKey");
            ApiGatewayException denied = catchThrowableOfType(ApiGatewayException.class,
                    () -> reader.createApiKey(r -> r.name("sneaky")));

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::210987654321:user/reader"
                    + " is not authorized to perform: apigateway:POST on resource: arn:aws:apigateway:us-east-1::/apikeys");
            assertThat(admin.createApiKey(r -> r.name("allowed")).name()).isEqualTo("allowed");
            assertThat(server.server().generatedAdminCredentials()).isEmpty();
        }
    }

    @Test
    void withTheFileAloneNoPairIsGeneratedAndABadFileOrSettingStopsStartUp() throws IOException {
        Path file = Files.writeString(config.resolve("operators.json"), READER);
        try (TestServer server = TestServer.start(dataDir, Map.of("ADMIN_CREDENTIALS_FILE", file.toString()))) {
            assertThat(server.server().generatedAdminCredentials()).isEmpty();
            assertThat(Files.exists(dataDir.resolve("secrets").resolve("admin-credentials.properties"))).isFalse();
        }
        Path broken = Files.writeString(config.resolve("broken.json"), "{\"credentials\": [{\"accessKeyId\": \"A\"}]}");
        assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("ADMIN_CREDENTIALS_FILE", broken.toString())))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("ADMIN_CREDENTIALS_FILE: ")
                .hasMessageContaining("credential 1");
        assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("ADMIN_CREDENTIALS_FILE",
                config.resolve("missing.json").toString()))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("cannot read the admin credentials file");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("API_KEY_STORAGE", "plain")))
                .hasMessageContaining("API_KEY_STORAGE");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("ADMIN_ACCOUNT_ID", "12345")))
                .hasMessageContaining("ADMIN_ACCOUNT_ID");
    }
}
