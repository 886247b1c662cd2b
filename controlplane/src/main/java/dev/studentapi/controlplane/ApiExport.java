package dev.studentapi.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GetExport's documents, made from the data plane's OpenAPI 3.1 document: OpenAPI 3.0.1 ({@code oas30}) or
 * Swagger 2.0 ({@code swagger}), and with the {@code apigateway} (or {@code integrations}) extensions, API
 * Gateway's {@code x-amazon-apigateway-api-key-source} and each method's {@code x-amazon-apigateway-integration}
 * as API Gateway writes them (Lambda proxy integrations, mock ones for the CORS preflight).
 */
final class ApiExport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    /** The Lambda function behind each route of the reference system, {@code METHOD path}. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("GET /", "getStudentData"), Map.entry("POST /", "insertStudentData"),
            Map.entry("GET /students", "getStudentData"), Map.entry("POST /students", "insertStudentData"),
            Map.entry("POST /students/import", "importStudentData"),
            Map.entry("GET /students/{studentid}", "getStudentData"),
            Map.entry("PUT /students/{studentid}", "updateStudentData"),
            Map.entry("PATCH /students/{studentid}", "updateStudentData"),
            Map.entry("DELETE /students/{studentid}", "updateStudentData"),
            Map.entry("POST /backup", "BackupDynamoDBAndSendEmail"),
            Map.entry("GET /backups", "listBackups"), Map.entry("GET /backups/{name}", "listBackups"),
            Map.entry("POST /backups/{name}/restore", "restoreBackup"));

    /** The kinds of document GetExport makes. */
    enum Type { OAS30, SWAGGER }

    private final String document;
    private final String region;
    private final String accountId;

    /** {@code document} is the data plane's OpenAPI 3.1 text. */
    ApiExport(String document, String region, String accountId) {
        this.document = document;
        this.region = region;
        this.accountId = accountId;
    }

    /**
     * The export for the stage, as JSON text; {@code extensions} is GetExport's parameter ({@code apigateway},
     * {@code integrations}, or null for none).
     */
    String export(Type type, String stage, String apiName, String extensions) {
        ObjectNode source = parse();
        ObjectNode out = type == Type.OAS30 ? oas30(source, stage) : swagger(source, stage);
        ((ObjectNode) out.get("info")).put("title", apiName);
        List<String> asked = extensions == null ? List.of()
                : List.of(extensions.toLowerCase(Locale.ROOT).replace("'", "").split("\\s*,\\s*"));
        if (asked.contains("apigateway")) {
            out.put("x-amazon-apigateway-api-key-source", "HEADER");
        }
        if (asked.contains("apigateway") || asked.contains("integrations")) {
            addIntegrations((ObjectNode) out.get("paths"));
        }
        try {
            return MAPPER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export", e);
        }
    }

    private ObjectNode parse() {
        try {
            return (ObjectNode) MAPPER.readTree(document);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the data plane's OpenAPI document cannot be read", e);
        }
    }

    private static ObjectNode oas30(ObjectNode source, String stage) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("openapi", "3.0.1");
        out.set("info", source.get("info"));
        ArrayNode servers = out.putArray("servers");
        servers.addObject().put("url", "/" + stage).put("description", "The stage");
        out.set("paths", source.get("paths"));
        if (source.has("components")) {
            out.set("components", source.get("components"));
        }
        if (source.has("security")) {
            out.set("security", source.get("security"));
        }
        downgradeSchemas(out);
        return out;
    }

    /** OpenAPI 3.1 schema keywords in 3.0's forms: {@code type: [t, "null"]} as nullable, {@code const} as enum. */
    private static void downgradeSchemas(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("type");
            if (type != null && type.isArray()) {
                List<String> types = new ArrayList<>();
                type.forEach(t -> types.add(t.asText()));
                if (types.remove("null")) {
                    object.put("nullable", true);
                }
                object.put("type", types.isEmpty() ? "string" : types.get(0));
            }
            JsonNode constant = object.remove("const");
            if (constant != null) {
                object.putArray("enum").add(constant);
            }
            object.forEach(ApiExport::downgradeSchemas);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ApiExport::downgradeSchemas);
        }
    }

    private static ObjectNode swagger(ObjectNode source, String stage) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("swagger", "2.0");
        out.set("info", source.get("info"));
        out.put("basePath", "/" + stage);
        out.putArray("schemes").add("https");
        ObjectNode paths = out.putObject("paths");
        for (Map.Entry<String, JsonNode> path : source.get("paths").properties()) {
            paths.set(path.getKey(), swaggerPath((ObjectNode) path.getValue()));
        }
        JsonNode components = source.path("components");
        JsonNode scheme = components.path("securitySchemes");
        if (scheme.isObject()) {
            out.set("securityDefinitions", scheme);
        }
        if (source.has("security")) {
            out.set("security", source.get("security"));
        }
        ObjectNode definitions = out.putObject("definitions");
        components.path("schemas").properties().forEach(e -> definitions.set(e.getKey(), swaggerSchema(e.getValue())));
        return out;
    }

    private static ObjectNode swaggerPath(ObjectNode path) {
        ObjectNode out = MAPPER.createObjectNode();
        path.properties().forEach(entry -> {
            if ("parameters".equals(entry.getKey())) {
                out.set("parameters", swaggerParameters(entry.getValue()));
            } else if (METHODS.contains(entry.getKey())) {
                out.set(entry.getKey(), swaggerOperation((ObjectNode) entry.getValue()));
            }
        });
        return out;
    }

    private static ObjectNode swaggerOperation(ObjectNode operation) {
        ObjectNode out = MAPPER.createObjectNode();
        for (String copied : List.of("operationId", "summary", "description", "tags", "security")) {
            if (operation.has(copied)) {
                out.set(copied, operation.get(copied));
            }
        }
        List<String> consumes = new ArrayList<>();
        ArrayNode parameters = swaggerParameters(operation.path("parameters"));
        JsonNode body = operation.path("requestBody");
        if (body.isObject()) {
            body.path("content").fieldNames().forEachRemaining(consumes::add);
            ObjectNode parameter = parameters.addObject().put("in", "body").put("name", "body");
            parameter.put("required", body.path("required").asBoolean(false));
            if (body.has("description")) {
                parameter.set("description", body.get("description"));
            }
            JsonNode schema = body.path("content").elements().hasNext()
                    ? body.path("content").elements().next().path("schema") : MAPPER.createObjectNode();
            parameter.set("schema", swaggerSchema(schema.isMissingNode() ? MAPPER.createObjectNode() : schema));
        }
        if (!consumes.isEmpty()) {
            ArrayNode list = out.putArray("consumes");
            consumes.forEach(list::add);
        }
        List<String> produces = new ArrayList<>();
        ObjectNode responses = MAPPER.createObjectNode();
        operation.path("responses").properties().forEach(entry -> {
            JsonNode response = entry.getValue();
            ObjectNode converted = responses.putObject(entry.getKey());
            converted.put("description", response.path("description").asText(""));
            JsonNode content = response.path("content");
            content.fieldNames().forEachRemaining(type -> {
                if (!produces.contains(type)) {
                    produces.add(type);
                }
            });
            JsonNode schema = content.path("application/json").path("schema");
            if (schema.isMissingNode() && content.elements().hasNext()) {
                schema = content.elements().next().path("schema");
            }
            if (!schema.isMissingNode()) {
                converted.set("schema", swaggerSchema(schema));
            }
            if (response.path("headers").isObject()) {
                ObjectNode headers = converted.putObject("headers");
                response.path("headers").properties().forEach(header -> {
                    ObjectNode h = headers.putObject(header.getKey());
                    h.put("type", simpleType(header.getValue().path("schema")));
                    if (header.getValue().has("description")) {
                        h.set("description", header.getValue().get("description"));
                    }
                });
            }
        });
        if (!produces.isEmpty()) {
            ArrayNode list = out.putArray("produces");
            produces.forEach(list::add);
        }
        if (!parameters.isEmpty()) {
            out.set("parameters", parameters);
        }
        out.set("responses", responses);
        return out;
    }

    /** Non-body parameters: the schema's type and limits move up onto the parameter, as Swagger 2.0 has them. */
    private static ArrayNode swaggerParameters(JsonNode parameters) {
        ArrayNode out = MAPPER.createArrayNode();
        parameters.forEach(parameter -> {
            ObjectNode converted = out.addObject();
            for (String copied : List.of("name", "in", "description", "required")) {
                if (parameter.has(copied)) {
                    converted.set(copied, parameter.get(copied));
                }
            }
            JsonNode schema = parameter.path("schema");
            converted.put("type", simpleType(schema));
            for (String limit : List.of("format", "enum", "minimum", "maximum", "pattern", "maxLength", "default")) {
                if (schema.has(limit)) {
                    converted.set(limit, schema.get(limit));
                }
            }
        });
        return out;
    }

    private static String simpleType(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : "string";
    }

    /**
     * A JSON Schema in Swagger 2.0's subset: references to {@code #/definitions/}, nullable types as
     * {@code x-nullable}, {@code const} as a one-value enum, {@code oneOf} and {@code anyOf} (which 2.0 lacks) as
     * their first choice.
     */
    private static JsonNode swaggerSchema(JsonNode schema) {
        if (schema instanceof ArrayNode array) {
            ArrayNode out = MAPPER.createArrayNode();
            array.forEach(item -> out.add(swaggerSchema(item)));
            return out;
        }
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        JsonNode choices = object.has("oneOf") ? object.get("oneOf") : object.get("anyOf");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            ObjectNode first = (ObjectNode) swaggerSchema(choices.get(0)).deepCopy();
            if (object.has("description") && !first.has("$ref")) {
                first.set("description", object.get("description"));
            }
            return first;
        }
        ObjectNode out = MAPPER.createObjectNode();
        object.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            switch (name) {
                case "$ref" -> out.put("$ref", value.asText().replace("#/components/schemas/", "#/definitions/"));
                case "type" -> {
                    if (value.isArray()) {
                        out.put("type", simpleType(object));
                        value.forEach(t -> {
                            if ("null".equals(t.asText())) {
                                out.put("x-nullable", true);
                            }
                        });
                    } else {
                        out.set("type", value);
                    }
                }
                case "const" -> out.putArray("enum").add(value);
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), swaggerSchema(p.getValue())));
                }
                case "items", "additionalProperties" -> out.set(name, value.isObject() ? swaggerSchema(value) : value);
                default -> out.set(name, value);
            }
        });
        return out;
    }

    private void addIntegrations(ObjectNode paths) {
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String route = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            String function = FUNCTIONS.get(route);
            ObjectNode integration = ((ObjectNode) method.getValue()).putObject("x-amazon-apigateway-integration");
            if (function == null) {
                integration.put("type", "mock");
                integration.putObject("requestTemplates").put("application/json", "{\"statusCode\": 200}");
                integration.putObject("responses").putObject("default").put("statusCode", "204");
                integration.put("passthroughBehavior", "when_no_match");
            } else {
                integration.put("type", "aws_proxy");
                integration.put("httpMethod", "POST");
                integration.set("uri", TextNode.valueOf("arn:aws:apigateway:" + region
                        + ":lambda:path/2015-03-31/functions/arn:aws:lambda:" + region + ":" + accountId
                        + ":function:" + function + "/invocations"));
                integration.put("passthroughBehavior", "when_no_match");
            }
        }));
    }
}
