package dev.studentapi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.core.text.Language;
import dev.studentapi.functions.BackupFunctions;
import dev.studentapi.functions.ErrorCode;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document served at /openapi.json lists exactly the route table's operations and statuses. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head");

    @TempDir
    Path dataDir;

    /** "METHOD /path" of every documented operation, and its statuses. */
    private static Map<String, Set<Integer>> documented(JsonNode document, String stage) {
        Map<String, Set<Integer>> operations = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            Set<Integer> statuses = new TreeSet<>();
            method.getValue().get("responses").fieldNames().forEachRemaining(s -> statuses.add(Integer.valueOf(s)));
            String full = "/" + stage + (path.getKey().equals("/") ? "" : path.getKey());
            operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + full, statuses);
        }));
        return operations;
    }

    /** The same for the route table: every resource method, and a preflight on each of its paths. */
    private static Map<String, Set<Integer>> routed(String stage) {
        Map<String, Set<Integer>> operations = new TreeMap<>();
        for (DataPlaneRoutes.Action action : DataPlaneRoutes.actions(stage, null,
                Optional.of(new BackupFunctions(null, Language.EN)))) {
            operations.put(action.method().name() + " " + action.path(), action.allStatuses());
            operations.put("OPTIONS " + action.path(), Set.of(204));
        }
        return operations;
    }

    @Test
    void isServedWithoutAKeyAndListsExactlyTheRouteTablesOperationsAndStatuses() {
        JsonNode document;
        try (TestServer server = TestServer.start(dataDir, Map.of("STAGE", "test"))) {
            HttpResponse<String> response = server.get("/openapi.json", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            document = Json.parse(response.body());
        }
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.get("servers").get(0).get("url").asText()).isEqualTo("/test");
        assertThat(documented(document, "test")).isEqualTo(routed("test"));
    }

    @Test
    void namesTheKeySchemeAndEveryErrorCode() {
        JsonNode document = Json.parse(dev.studentapi.functions.OpenApiDocument.text());
        JsonNode scheme = document.get("components").get("securitySchemes").get("api_key");
        assertThat(scheme.get("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asText()).isEqualTo("header");
        assertThat(scheme.get("name").asText()).isEqualTo("x-api-key");
        assertThat(document.get("security").get(0).has("api_key")).isTrue();

        List<String> codes = new ArrayList<>();
        document.get("components").get("schemas").get("Error").get("properties").get("code").get("enum")
                .forEach(code -> codes.add(code.asText()));
        assertThat(codes).containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name)
                .toList());
    }

    @Test
    void everyOperationHasAnIdASummaryAndDescribedResponsesAndOnlyPreflightsNeedNoKey() {
        JsonNode document = Json.parse(dev.studentapi.functions.OpenApiDocument.text());
        Set<String> ids = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            JsonNode operation = method.getValue();
            assertThat(ids.add(operation.get("operationId").asText())).as("unique operationId").isTrue();
            assertThat(operation.get("summary").asText()).isNotBlank();
            operation.get("responses").forEach(r -> assertThat(r.get("description").asText()).isNotBlank());
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            assertThat(open).as(method.getKey() + " " + path.getKey()).isEqualTo(method.getKey().equals("options"));
        }));
    }
}
