package dev.studentapi.controlplane.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.util.Map;

/** The console routes' JSON: reading the sign-in body, writing answers and refusals. */
final class ConsoleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConsoleJson() {
    }

    /** The text field {@code name} of a JSON object body; a malformed body or a missing field is a 400. */
    static String field(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw ConsoleRefused.badRequest(name + " is required.");
        }
        return value.asText();
    }

    /** The body as a JSON object; its text is never echoed, since it may hold a secret. */
    static JsonNode object(Context ctx) {
        try {
            JsonNode body = MAPPER.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw ConsoleRefused.badRequest("Invalid request body: expected a JSON object.");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ConsoleRefused.badRequest("Invalid request body: expected a JSON object.");
        }
    }

    static void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + body.getClass().getSimpleName(), e);
        }
    }

    static void refuse(ConsoleRefused refused, Context ctx) {
        ctx.header("x-amzn-ErrorType", refused.errorType());
        ctx.header("x-studentapi-code", refused.code());
        refused.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(wait.toSeconds())));
        ctx.header("Cache-Control", "no-store");
        respond(ctx, refused.status(), Map.of("message", refused.getMessage()));
    }
}
