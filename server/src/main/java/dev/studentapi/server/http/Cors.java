package dev.studentapi.server.http;

import dev.studentapi.functions.CorsPolicy;
import io.javalin.http.Context;

import java.util.List;

/** The configured CORS policy, and the answer to preflight requests. */
final class Cors {

    private final CorsPolicy policy;

    Cors(List<String> allowedOrigins) {
        this.policy = new CorsPolicy(allowedOrigins);
    }

    /** The policy; {@link ResponseHeaders} puts its headers on every response. */
    CorsPolicy policy() {
        return policy;
    }

    /** Answers a preflight request (no key needed), adding what a preflight answer has beyond every response's. */
    void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", CorsPolicy.ALLOW_METHODS);
        ctx.header("Access-Control-Allow-Headers", CorsPolicy.ALLOW_HEADERS);
        ctx.header("Access-Control-Max-Age", CorsPolicy.MAX_AGE_SECONDS);
        ctx.status(204);
    }
}
