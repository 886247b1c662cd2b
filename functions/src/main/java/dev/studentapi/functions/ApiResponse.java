package dev.studentapi.functions;

import java.nio.charset.StandardCharsets;

/** A JSON response of the data plane: a status code and a UTF-8 JSON body. */
public record ApiResponse(int status, byte[] body) {

    public static final String CONTENT_TYPE = "application/json";

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
