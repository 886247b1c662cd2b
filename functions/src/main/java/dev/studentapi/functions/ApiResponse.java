package dev.studentapi.functions;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A data-plane answer: status, headers beyond Content-Type and CORS, and a UTF-8 JSON body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public static final String CONTENT_TYPE = "application/json";

    public ApiResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    public ApiResponse(int status, byte[] body) {
        this(status, Map.of(), body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
