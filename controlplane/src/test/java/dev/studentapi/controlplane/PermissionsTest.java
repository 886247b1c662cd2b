package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.KeyValueStorage;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * IAM-style permissions: credentials from an {@code ADMIN_CREDENTIALS_FILE}, each signing for itself, each held to
 * its allow list; the single admin pair may do everything.
 */
class PermissionsTest {
    private static final String FILE = """
            {"credentials": [
              {"accessKeyId": "AKIAREADONLY00000001", "secretAccessKey": "reader-secret-0123456789", "name": "reader",
               "allow": [{"actions": ["apigateway:GET"], "resources": ["arn:aws:apigateway:*::/*"]}]},
              {"accessKeyId": "AKIAKEYKEEPER0000001", "secretAccessKey": "keeper-secret-0123456789",
               "name": "key-keeper",
               "allow": [{"actions": ["apigateway:*"], "resources": ["arn:aws:apigateway:*::/apikeys*"]}]},
              {"accessKeyId": "AKIANOTHING000000001", "secretAccessKey": "nothing-secret-0123456789"}
            ]}""";

    @TempDir
    Path directory;

    private ControlPlaneFixture fx;
    private List<AdminCredentials> fromFile;

    @BeforeEach
    void start() throws IOException {
        Path file = Files.writeString(directory.resolve("credentials.json"), FILE);
        fromFile = AdminCredentialsJson.read(file);
        List<AdminCredentials> all = new java.util.ArrayList<>(fromFile);
        all.add(ControlPlaneFixture.CREDENTIALS);
        fx = new ControlPlaneFixture(new MutableClock(Instant.now()), new AdminCredentialSet(all),
                KeyValueStorage.HASH_ONLY, null);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private ApiGatewayClient as(String name) {
        AdminCredentials credential = fromFile.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        return ControlPlaneFixture.client(fx.endpoint(), credential);
    }

    @Test
    void aReadOnlyCredentialListsButCannotCreate() {
        fx.keys.create("existing", "", true, java.util.Optional.empty());
        try (ApiGatewayClient reader = as("reader")) {
            assertThat(reader.getApiKeys().items()).extracting(k -> k.name()).containsExactly("existing");
            assertThat(reader.getUsagePlans().items()).isEmpty();

            ApiGatewayException denied = catchThrowableOfType(ApiGatewayException.class,
                    () -> reader.createApiKey(r -> r.name("sneaky")));

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/reader"
                    + " is not authorized to perform: apigateway:POST on resource: arn:aws:apigateway:us-east-1::/apikeys");
        }
        assertThat(fx.keys.list()).extracting(k -> k.name()).containsExactly("existing");
    }

    @Test
    void aResourcePatternLimitsACredentialToKeys() {
        try (ApiGatewayClient keeper = as("key-keeper")) {
            String id = keeper.createApiKey(r -> r.name("kept")).id();
            keeper.updateApiKey(r -> r.apiKey(id).patchOperations(SdkSuite.replace("/enabled", "true")));

            ApiGatewayException denied = catchThrowableOfType(ApiGatewayException.class,
                    () -> keeper.createUsagePlan(r -> r.name("p")));

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/"
                    + "key-keeper is not authorized to perform: apigateway:POST on resource: "
                    + "arn:aws:apigateway:us-east-1::/usageplans");
            assertThat(fx.keys.get(id).enabled()).isTrue();
        }
        assertThat(fx.plans.list()).isEmpty();
    }

    @Test
    void aCredentialWithoutAnAllowListMayDoNothingAndTheAdminPairEverything() {
        try (ApiGatewayClient nothing = ControlPlaneFixture.client(fx.endpoint(), fromFile.get(2));
             ApiGatewayClient admin = fx.client()) {
            assertThatThrownBy(nothing::getApiKeys).isInstanceOfSatisfying(ApiGatewayException.class,
                    e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:"
                            + "user/AKIANOTHING000000001 is not authorized to perform: apigateway:GET on resource: "
                            + "arn:aws:apigateway:us-east-1::/apikeys"));
            admin.createUsagePlan(r -> r.name("p"));
            assertThat(admin.getUsagePlans().items()).hasSize(1);
        }
    }

    @Test
    void aSignatureIsCheckedAgainstTheSecretOfItsOwnAccessKey() {
        AdminCredentials reader = fromFile.get(0);
        AdminCredentials forged = new AdminCredentials(reader.accessKeyId(), "keeper-secret-0123456789");
        try (ApiGatewayClient client = ControlPlaneFixture.client(fx.endpoint(), forged)) {
            ApiGatewayException refused = catchThrowableOfType(ApiGatewayException.class, client::getApiKeys);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        }
    }

    @Test
    void aMalformedFileIsRefusedNamingTheCredentialButNotItsSecret() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.json"), """
                {"credentials": [{"accessKeyId": "AKIAOK", "secretAccessKey": "s3cr3t-value",
                  "allow": [{"actions": [], "resources": ["*"]}]}]}""");

        assertThatThrownBy(() -> AdminCredentialsJson.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credential 1").hasMessageContaining("action")
                .hasMessageNotContaining("s3cr3t-value");
        assertThat(new AdminCredentialSet(fromFile).find("AKIAKEYKEEPER0000001")).map(AdminCredentials::name)
                .hasValue("key-keeper");
        assertThat(new AdminCredentialSet(fromFile).find("AKIAUNKNOWN")).isEmpty();
    }
}
