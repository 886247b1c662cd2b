package dev.studentapi.server.http;

import io.javalin.http.Context;

import java.util.List;

/** Adds CORS headers to every response and answers preflight requests, with a configurable origin list. */
final class Cors {

    static final String ALLOW_METHODS = "GET,POST,OPTIONS";
    static final String ALLOW_HEADERS = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token";
    static final String EXPOSE_HEADERS = "Retry-After,x-amzn-ErrorType,x-amzn-RequestId";
    static final String MAX_AGE_SECONDS = "600";

    private final List<String> allowedOrigins;
    private final boolean anyOrigin;

    Cors(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.anyOrigin = allowedOrigins.contains("*");
    }

    /** Sets the headers that let a browser page read this response. */
    void decorate(Context ctx) {
        if (anyOrigin) {
            ctx.header("Access-Control-Allow-Origin", "*");
        } else {
            String origin = ctx.header("Origin");
            if (origin != null && allowedOrigins.contains(origin)) {
                ctx.header("Access-Control-Allow-Origin", origin);
            }
            ctx.header("Vary", "Origin");
        }
        ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }

    /** Answers a preflight request (no key needed). */
    void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
        ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204);
    }
}
