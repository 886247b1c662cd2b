package dev.studentapi.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/** Reads request bodies and writes responses as API Gateway's REST JSON (absent fields left out). */
final class JsonCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.USE_DEFAULTS))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonCodec() {
    }

    /** The body as {@code type}; an empty body reads as {@code {}}; malformed JSON is a BAD_REQUEST. */
    static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        try {
            T value = MAPPER.readValue(body.isBlank() ? "{}" : body, type);
            if (value == null) {
                throw new AwsBadRequest("Invalid request body: expected a JSON object.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new AwsBadRequest("Invalid request body: " + e.getOriginalMessage());
        }
    }

    static void respond(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(write(body));
    }

    /** 202 with an empty body, as API Gateway answers a delete. */
    static void accepted(Context ctx) {
        ctx.status(202).result("");
    }

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + body.getClass().getSimpleName(), e);
        }
    }
}
