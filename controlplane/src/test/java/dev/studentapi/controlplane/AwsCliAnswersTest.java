package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.apikey.KeyValueStorage;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A few of API Gateway's exact answers as the AWS CLI sees them: a control plane started here, the CLI run on it. */
class AwsCliAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AdminCredentials READER = new AdminCredentials("AKIAREADONLY00000002",
            "reader-secret-0123456789", "reader", List.of(new Permission(List.of("apigateway:GET"),
            List.of("arn:aws:apigateway:*::/*"))));

    @TempDir
    Path home;

    private ControlPlaneFixture fx;
    private AwsCli admin;

    @BeforeEach
    void start() {
        AwsCli.requireInstalled();
        fx = new ControlPlaneFixture(new MutableClock(Instant.now()),
                AdminCredentialSet.of(ControlPlaneFixture.CREDENTIALS, READER), KeyValueStorage.HASH_ONLY, null);
        admin = new AwsCli(fx.endpoint(), ControlPlaneFixture.CREDENTIALS, home);
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void createApiKeyWithoutANameAnswersNoNameNorDescription() throws Exception {
        AwsCli.Run run = admin.apigateway("create-api-key", "--enabled");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode key = JSON.readTree(run.out());
        assertThat(key.has("name")).isFalse();
        assertThat(key.has("description")).isFalse();
        assertThat(key.path("value").asText()).hasSize(40);
        assertThat(key.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void anInvalidPatchPathIsRefusedInApiGatewaysWords() throws Exception {
        String id = fx.keys.create("k", "", true, java.util.Optional.empty()).key().id();

        AwsCli.Run run = admin.apigateway("update-api-key", "--api-key", id, "--patch-operations",
                "op=replace,path=/id,value=x");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("(BadRequestException)").contains("Invalid patch path  '/id' specified for "
                + "op 'replace'. Must be one of: [/description, /enabled, /name, /customerId]");
    }

    @Test
    void aNameTooLongAndAnUnknownApiAreRefusedInApiGatewaysWords() throws Exception {
        AwsCli.Run longName = admin.apigateway("create-api-key", "--name", "n".repeat(1025));
        AwsCli.Run unknownApi = admin.apigateway("get-rest-api", "--rest-api-id", "other");

        assertThat(longName.err()).contains("(BadRequestException)")
                .contains("Invalid API Key name, can be at most 1024 characters.");
        assertThat(unknownApi.err()).contains("(NotFoundException)")
                .contains("Invalid API identifier specified 123456789012:other");
        assertThat(fx.keys.list()).isEmpty();
    }

    @Test
    void tagsOfAKeyAreSetAndReadAtApiGatewaysPaths() throws Exception {
        String id = fx.keys.create("k", "", true, java.util.Optional.empty()).key().id();
        String arn = "arn:aws:apigateway:us-east-1::/apikeys/" + id;

        AwsCli.Run tagged = admin.apigateway("tag-resource", "--resource-arn", arn, "--tags", "team=registry,env=test");
        AwsCli.Run untagged = admin.apigateway("untag-resource", "--resource-arn", arn, "--tag-keys", "env");
        AwsCli.Run listed = admin.apigateway("get-tags", "--resource-arn", arn);

        assertThat(tagged.exitCode()).as(tagged.err()).isZero();
        assertThat(untagged.exitCode()).as(untagged.err()).isZero();
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(JSON.readTree(listed.out()).path("tags")).isEqualTo(JSON.readTree("{\"team\": \"registry\"}"));
        assertThat(fx.keys.get(id).tags()).containsExactlyEntriesOf(java.util.Map.of("team", "registry"));
    }

    @Test
    void aReadOnlyCredentialListsButCannotCreate() throws Exception {
        AwsCli reader = new AwsCli(fx.endpoint(), READER, home);

        AwsCli.Run listed = reader.apigateway("get-api-keys");
        AwsCli.Run created = reader.apigateway("create-api-key", "--name", "sneaky");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(JSON.readTree(listed.out()).path("items").isArray()).isTrue();
        assertThat(created.exitCode()).isNotZero();
        assertThat(created.err()).contains("(AccessDeniedException)").contains("User: arn:aws:iam::123456789012:"
                + "user/reader is not authorized to perform: apigateway:POST on resource: "
                + "arn:aws:apigateway:us-east-1::/apikeys");
        assertThat(fx.keys.list()).isEmpty();
    }

    @Test
    void getExportWritesTheDocumentWithApiGatewaysExtensions() throws Exception {
        try (ControlPlaneFixture exporting = new ControlPlaneFixture(new MutableClock(Instant.now()),
                AdminCredentialSet.of(ControlPlaneFixture.CREDENTIALS), KeyValueStorage.HASH_ONLY,
                dev.studentapi.functions.OpenApiDocument.text())) {
            AwsCli cli = new AwsCli(exporting.endpoint(), ControlPlaneFixture.CREDENTIALS, home);
            Path file = home.resolve("export.json");

            AwsCli.Run run = cli.apigateway("get-export", "--rest-api-id", "student", "--stage-name", "prod",
                    "--export-type", "oas30", "--parameters", "extensions=apigateway", file.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode document = JSON.readTree(file.toFile());
            assertThat(document.path("openapi").asText()).isEqualTo("3.0.1");
            assertThat(document.path("x-amazon-apigateway-api-key-source").asText()).isEqualTo("HEADER");
            assertThat(document.path("paths").path("/students").path("get")
                    .path("x-amazon-apigateway-integration").path("type").asText()).isEqualTo("aws_proxy");
        }
    }
}
