package dev.studentapi.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CORS headers of SPEC §4, for the server and the Lambda handlers alike: on every response (errors included)
 * and on preflight answers, for any origin or a configured list.
 */
public final class CorsPolicy {

    public static final String ALLOW_METHODS = "GET,POST,OPTIONS";
    public static final String ALLOW_HEADERS =
            "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,If-Match";
    public static final String EXPOSE_HEADERS = "Retry-After,x-amzn-ErrorType,x-amzn-RequestId,ETag,Link";
    public static final String MAX_AGE_SECONDS = "600";

    private final List<String> allowedOrigins;
    private final boolean anyOrigin;

    public CorsPolicy(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.anyOrigin = allowedOrigins.contains("*");
    }

    /** The headers that let a browser page on {@code origin} (may be null) read a response. */
    public Map<String, String> headers(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (anyOrigin) {
            headers.put("Access-Control-Allow-Origin", "*");
        } else {
            if (origin != null && allowedOrigins.contains(origin)) {
                headers.put("Access-Control-Allow-Origin", origin);
            }
            headers.put("Vary", "Origin");
        }
        headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        return headers;
    }

    /** Every header of a preflight answer: {@link #headers(String)} and {@link #preflightOnlyHeaders()}. */
    public Map<String, String> preflightHeaders(String origin) {
        Map<String, String> headers = headers(origin);
        headers.putAll(preflightOnlyHeaders());
        return headers;
    }

    /** What a preflight answer has beyond the headers of every response, for the paths of SPEC §4. */
    public Map<String, String> preflightOnlyHeaders() {
        return preflightOnlyHeaders(ALLOW_METHODS);
    }

    /** What a preflight answer on a path that allows {@code methods} (comma-separated) has beyond every response's. */
    public Map<String, String> preflightOnlyHeaders(String methods) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Methods", methods);
        headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
        headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        return headers;
    }
}
