package dev.studentapi.server.http;

import dev.studentapi.functions.CorsPolicy;

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

    /**
     * Answers a preflight request (no key needed) on a path that allows {@code methods}, adding what a preflight
     * answer has beyond every response's.
     */
    void preflight(Exchange exchange, String methods) {
        policy.preflightOnlyHeaders(methods).forEach(exchange::header);
        exchange.status(204);
    }
}
