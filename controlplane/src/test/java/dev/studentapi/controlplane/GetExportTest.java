package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.apikey.KeyValueStorage;
import dev.studentapi.functions.OpenApiDocument;
import dev.studentapi.testkit.ExternalProgram;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.GetExportResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * GetExport of the data plane's OpenAPI document as OpenAPI 3.0 and Swagger 2.0, each checked by
 * {@code openapi-spec-validator} and compared route by route with the data plane's own document.
 */
class GetExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options");

    @TempDir
    Path directory;

    private ControlPlaneFixture fx;
    private ApiGatewayClient api;

    @BeforeEach
    void start() {
        fx = new ControlPlaneFixture(new MutableClock(Instant.now()),
                AdminCredentialSet.of(ControlPlaneFixture.CREDENTIALS), KeyValueStorage.HASH_ONLY,
                OpenApiDocument.text());
        api = fx.client();
    }

    @AfterEach
    void stop() {
        api.close();
        fx.close();
    }

    private JsonNode export(String type, Map<String, String> parameters) throws IOException {
        GetExportResponse answer = api.getExport(r -> r.restApiId("student").stageName("prod")
                .exportType(type).parameters(parameters).accepts("application/json"));
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.contentDisposition()).startsWith("attachment; filename=");
        return JSON.readTree(answer.body().asUtf8String());
    }

    /** Every {@code METHOD path} of a document. */
    private static List<String> routes(JsonNode document) {
        List<String> routes = new ArrayList<>();
        document.path("paths").properties().forEach(path -> METHODS.forEach(method -> {
            if (path.getValue().has(method)) {
                routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        return routes;
    }

    private void requireValid(JsonNode document, String schema) throws IOException, InterruptedException {
        Path file = directory.resolve("export-" + schema + ".json");
        Files.writeString(file, JSON.writeValueAsString(document));
        Process process;
        try {
            process = new ProcessBuilder("python3", "-m", "openapi_spec_validator", "--schema", schema,
                    file.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            ExternalProgram.require("python3", false, "install Python 3 and pip install openapi-spec-validator");
            return;
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ExternalProgram.require("openapi-spec-validator", !output.contains("No module named"),
                "pip install openapi-spec-validator");
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(": OK");
    }

    @Test
    void oas30IsValidOpenApi3AndListsEveryDataPlaneRoute() throws Exception {
        JsonNode source = JSON.readTree(OpenApiDocument.text());

        JsonNode exported = export("oas30", Map.of());

        requireValid(exported, "3.0");
        assertThat(exported.path("openapi").asText()).isEqualTo("3.0.1");
        assertThat(routes(exported)).containsExactlyInAnyOrderElementsOf(routes(source)).contains("GET /students",
                "POST /students", "GET /students/{studentid}", "POST /backup", "POST /backups/{name}/restore");
        assertThat(exported.path("servers").get(0).path("url").asText()).isEqualTo("/prod");
        assertThat(exported.has("x-amazon-apigateway-api-key-source")).isFalse();
        assertThat(exported.path("paths").path("/students").path("get").has("x-amazon-apigateway-integration"))
                .isFalse();
    }

    @Test
    void swaggerIsValidSwagger2AndListsEveryDataPlaneRoute() throws Exception {
        JsonNode source = JSON.readTree(OpenApiDocument.text());

        JsonNode exported = export("swagger", Map.of());

        requireValid(exported, "2.0");
        assertThat(exported.path("swagger").asText()).isEqualTo("2.0");
        assertThat(exported.path("basePath").asText()).isEqualTo("/prod");
        assertThat(routes(exported)).containsExactlyInAnyOrderElementsOf(routes(source));
        assertThat(exported.path("securityDefinitions").path("api_key").path("name").asText()).isEqualTo("x-api-key");
    }

    @Test
    void theApigatewayExtensionsAddTheKeySourceAndEachMethodsIntegration() throws Exception {
        JsonNode exported = export("oas30", Map.of("extensions", "apigateway"));

        requireValid(exported, "3.0");
        assertThat(exported.path("x-amazon-apigateway-api-key-source").asText()).isEqualTo("HEADER");
        JsonNode list = exported.path("paths").path("/students").path("get").path("x-amazon-apigateway-integration");
        assertThat(list.path("type").asText()).isEqualTo("aws_proxy");
        assertThat(list.path("httpMethod").asText()).isEqualTo("POST");
        assertThat(list.path("uri").asText()).isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                + "functions/arn:aws:lambda:us-east-1:123456789012:function:getStudentData/invocations");
        assertThat(exported.path("paths").path("/students").path("options").path("x-amazon-apigateway-integration")
                .path("type").asText()).isEqualTo("mock");
        for (String route : routes(exported)) {
            String[] parts = route.split(" ", 2);
            assertThat(exported.path("paths").path(parts[1]).path(parts[0].toLowerCase(java.util.Locale.ROOT))
                    .has("x-amazon-apigateway-integration")).as(route).isTrue();
        }
        JsonNode swagger = export("swagger", Map.of("extensions", "apigateway"));
        requireValid(swagger, "2.0");
        assertThat(swagger.path("x-amazon-apigateway-api-key-source").asText()).isEqualTo("HEADER");
    }

    @Test
    void yamlIsAskedForWithAcceptAndIsTheSameDocument() throws Exception {
        GetExportResponse yaml = api.getExport(r -> r.restApiId("student").stageName("prod").exportType("oas30")
                .accepts("application/yaml"));

        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.contentDisposition()).endsWith(".yaml\"");
        assertThat(JSON.readTree(yaml.body().asUtf8String())).isEqualTo(export("oas30", Map.of()));
    }

    @Test
    void aControlPlaneGivenNoDocumentExportsAValidOneWithoutRoutes() throws Exception {
        try (ControlPlaneFixture bare = new ControlPlaneFixture(); ApiGatewayClient client = bare.client()) {
            JsonNode exported = JSON.readTree(client.getExport(r -> r.restApiId("student").stageName("prod")
                    .exportType("oas30")).body().asUtf8String());

            requireValid(exported, "3.0");
            assertThat(exported.path("paths").isEmpty()).isTrue();
            assertThat(exported.has("components")).isFalse();
        }
    }

    @Test
    void anotherStageOrExportTypeIsRefused() {
        ApiGatewayException stage = catchThrowableOfType(ApiGatewayException.class, () -> api.getExport(
                r -> r.restApiId("student").stageName("dev").exportType("oas30")));
        ApiGatewayException type = catchThrowableOfType(ApiGatewayException.class, () -> api.getExport(
                r -> r.restApiId("student").stageName("prod").exportType("raml")));

        assertThat(stage.statusCode()).isEqualTo(404);
        assertThat(type.statusCode()).isEqualTo(400);
    }
}
