package dev.studentapi.server.metrics;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operator's routes on the control-plane port, answered without a signature: {@code GET /metrics} (Prometheus
 * text; with {@code METRICS_TOKEN} set, only for {@code Authorization: Bearer <token>}), {@code GET /health/live}
 * (the process answers) and {@code GET /health/ready} (every configured engine answers; 503 naming those that do
 * not).
 */
public final class OperationsRoutes {

    /** The content type of Prometheus's text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private OperationsRoutes() {
    }

    /** The routes by path; {@code readiness} checks the engines, giving each one's problem (empty map when all answer). */
    public static Map<String, Handler> of(Metrics metrics, Optional<String> token,
                                          Supplier<Map<String, String>> readiness) {
        Map<String, Handler> routes = new LinkedHashMap<>();
        routes.put("/metrics", ctx -> {
            if (token.isPresent() && !bearer(ctx, token.get())) {
                ctx.status(401).header("WWW-Authenticate", "Bearer").contentType("application/json")
                        .result("{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
                return;
            }
            ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
        });
        routes.put("/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        routes.put("/health/ready", ctx -> ready(ctx, readiness.get()));
        return routes;
    }

    private static void ready(Context ctx, Map<String, String> problems) {
        StringBuilder body = new StringBuilder("{\"status\":\"").append(problems.isEmpty() ? "ok" : "unavailable")
                .append('"');
        if (!problems.isEmpty()) {
            body.append(",\"engines\":{");
            boolean first = true;
            for (Map.Entry<String, String> problem : problems.entrySet()) {
                body.append(first ? "" : ",").append('"').append(escape(problem.getKey())).append("\":\"")
                        .append(escape(problem.getValue())).append('"');
                first = false;
            }
            body.append('}');
        }
        ctx.status(problems.isEmpty() ? 200 : 503).contentType("application/json").result(body.append('}').toString());
    }

    private static boolean bearer(Context ctx, String token) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
