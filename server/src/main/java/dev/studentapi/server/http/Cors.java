package dev.studentapi.server.http;

import dev.studentapi.functions.CorsPolicy;
import io.javalin.http.Context;

import java.util.List;

/** Puts the CORS policy's headers on every response and answers preflight requests. */
final class Cors {

    private final CorsPolicy policy;

    Cors(List<String> allowedOrigins) {
        this.policy = new CorsPolicy(allowedOrigins);
    }

    /** Sets the headers that let a browser page read this response. */
    void decorate(Context ctx) {
        policy.headers(ctx.header("Origin")).forEach(ctx::header);
    }

    /** Answers a preflight request (no key needed). */
    void preflight(Context ctx) {
        policy.preflightHeaders(ctx.header("Origin")).forEach(ctx::header);
        ctx.status(204);
    }
}
