package dev.studentapi.functions;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A data-plane answer whose body is written as it is read, so that memory stays flat however large it is. */
public record StreamedResponse(int status, Map<String, String> headers, String contentType, Body body)
        implements DataPlaneAnswer {

    /** Writes a body to a stream; the stream is the caller's to close. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public StreamedResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public void writeBody(OutputStream out) throws IOException {
        body.writeTo(out);
    }
}
