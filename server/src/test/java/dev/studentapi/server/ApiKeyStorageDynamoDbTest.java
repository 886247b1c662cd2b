package dev.studentapi.server;

import dev.studentapi.server.config.SettingsException;
import dev.studentapi.testkit.MotoServer;
import dev.studentapi.testkit.RequiresMotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API_KEY_STORAGE=encrypted on DynamoDB (moto_server): instances share the key from the setting, not a file. */
@RequiresMotoServer
class ApiKeyStorageDynamoDbTest {
    private static final String KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";
    private static MotoServer moto;

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path third;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    private static Map<String, String> env(String prefix, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("STORE", "dynamodb", "AWS_ENDPOINT_URL",
                moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "DYNAMODB_TABLE_PREFIX", prefix, "ADMIN_ACCESS_KEY_ID", "AKIDDYNAMOADMIN",
                "ADMIN_SECRET_ACCESS_KEY", "admin-secret-for-dynamodb-tests"));
        env.putAll(extra);
        return env;
    }

    @Test
    void everyInstanceShowsTheValuesAndTheTableHoldsNoneInClear() {
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, String> encrypted = env(prefix, Map.of("API_KEY_STORAGE", "encrypted",
                "API_KEY_ENCRYPTION_KEY", KEY));
        try (TestServer one = TestServer.start(first, encrypted);
             TestServer two = TestServer.start(second, encrypted);
             ApiGatewayClient api = ApiGatewayClient.builder()
                     .endpointOverride(two.server().controlPlaneEndpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                             "AKIDDYNAMOADMIN", "admin-secret-for-dynamodb-tests"))).build();
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(moto.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("test", "test"))).build()) {
            String value = one.key();

            assertThat(api.getApiKeys(r -> r.includeValues(true)).items()).extracting(k -> k.value())
                    .containsExactly(value);
            assertThat(dynamo.scan(r -> r.tableName(prefix + "StudentApiKeys")).items().toString())
                    .contains("sealedValue").doesNotContain(value);
        }
        assertThatThrownBy(() -> TestServer.start(third, env(prefix, Map.of("API_KEY_STORAGE", "hash"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("kept as API_KEY_STORAGE=encrypted");
        assertThatThrownBy(() -> TestServer.start(third, env(prefix, Map.of("API_KEY_STORAGE", "encrypted"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("needs API_KEY_ENCRYPTION_KEY");
    }
}
