package dev.studentapi.functions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes the JSON bodies of data-plane answers into {@link ApiResponse}s. */
final class JsonBodies {

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes one body into a generator. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonBodies() {
    }

    static ApiResponse respond(int status, Body body) {
        return respond(status, Map.of(), body);
    }

    static ApiResponse respond(int status, Map<String, String> headers, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiResponse(status, headers, out.toByteArray());
    }

    /** A {@code {"message": text, "code": code}} answer. */
    static ApiResponse error(int status, Map<String, String> headers, ErrorCode code, String message) {
        return respond(status, headers, json -> {
            json.writeStartObject();
            json.writeStringField("message", message);
            json.writeStringField("code", code.name());
            json.writeEndObject();
        });
    }
}
