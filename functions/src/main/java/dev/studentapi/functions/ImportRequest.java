package dev.studentapi.functions;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An import of students: the body's {@code Content-Type}, the query parameters and the body itself. */
public record ImportRequest(Optional<String> contentType, Map<String, String> query, Body body) {

    /** The body of an import, which the import reads twice (a spooled file, or bytes already in memory). */
    @FunctionalInterface
    public interface Body {
        InputStream open() throws IOException;
    }

    public ImportRequest {
        Objects.requireNonNull(contentType, "contentType");
        query = Map.copyOf(query);
        Objects.requireNonNull(body, "body");
    }
}
