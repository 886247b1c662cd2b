package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.core.lifecycle.KeyLifecycle;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code /studentapi/apikeys}: every key's last use, expiration and plans; setting a key's expiration; rotating a
 * key. Not AWS operations; the console and the CLI use them.
 */
final class KeyLifecycleHandlers {
    /** The latest expiration accepted: the end of year 9999. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    private final KeyLifecycle lifecycle;

    KeyLifecycleHandlers(KeyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** {@code GET /studentapi/apikeys}. */
    void list(Context ctx) {
        JsonCodec.respond(ctx, 200, new ExtensionJson.KeyStatusesJson(
                lifecycle.statuses().stream().map(ExtensionJson.KeyStatusJson::of).toList()));
    }

    /** {@code PUT /studentapi/apikeys/{id}/expiration} with {@code {"expirationDate": seconds | null}}. */
    void setExpiration(Context ctx) {
        JsonNode body = JsonCodec.read(ctx, JsonNode.class);
        JsonNode date = body.get("expirationDate");
        if (date == null || !(date.isNull() || date.isNumber())) {
            throw new AwsBadRequest("expirationDate must be a number of seconds since 1970-01-01T00:00:00Z, or null.");
        }
        Optional<Instant> expiration = Optional.empty();
        if (date.isNumber()) {
            double seconds = date.asDouble();
            if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
                throw new AwsBadRequest("expirationDate must be between 0 and " + MAX_SECONDS + ".");
            }
            expiration = Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
        }
        JsonCodec.respond(ctx, 200,
                ExtensionJson.KeyStatusJson.of(lifecycle.setExpiration(ctx.pathParam("id"), expiration)));
    }

    /** {@code POST /studentapi/apikeys/{id}/rotate} with an optional {@code {"name": ...}}. */
    void rotate(Context ctx) {
        JsonNode name = JsonCodec.read(ctx, JsonNode.class).get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw new AwsBadRequest("name must be a string.");
        }
        Optional<String> newName = name == null || name.isNull() ? Optional.empty() : Optional.of(name.asText());
        JsonCodec.respond(ctx, 201,
                ExtensionJson.RotatedKeyJson.of(lifecycle.rotate(ctx.pathParam("id"), newName)));
    }
}
