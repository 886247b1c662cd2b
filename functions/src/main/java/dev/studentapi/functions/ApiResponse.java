package dev.studentapi.functions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A data-plane answer: status, headers beyond Content-Type and CORS, and a UTF-8 JSON body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) implements DataPlaneAnswer {

    public static final String CONTENT_TYPE = "application/json";

    public ApiResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    public ApiResponse(int status, byte[] body) {
        this(status, Map.of(), body);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void writeBody(OutputStream out) throws IOException {
        out.write(body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
