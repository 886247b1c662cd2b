package dev.studentapi.server.http;

import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.server.metrics.Metrics;

import java.time.Duration;
import java.util.Optional;

/**
 * The API Gateway in front of the data plane, as the step before each route that needs a key: refuses an address
 * that failed too often (429, before any lookup), checks the key, throttle and quota, counts a key that is refused
 * against its address, leaves the key's id for the access log, and answers a refusal with API Gateway's body.
 * With {@code rateLimitHeaders}, an admitted request's answer carries its RateLimit headers too.
 */
final class GatewayFilter {

    private final Gateway gateway;
    private final KeyAttempts attempts;
    private final Metrics metrics;
    private final boolean rateLimitHeaders;
    private final String stageRoot;

    GatewayFilter(Gateway gateway, KeyAttempts attempts, Metrics metrics, boolean rateLimitHeaders) {
        this.gateway = gateway;
        this.attempts = attempts;
        this.metrics = metrics;
        this.rateLimitHeaders = rateLimitHeaders;
        this.stageRoot = "/" + gateway.stage().stage();
    }

    /** True when admitted; else the refusal is the answer. */
    boolean admit(Exchange exchange) {
        String key = exchange.header("x-api-key");
        boolean presented = key != null && !key.isEmpty();
        String address = presented ? attempts.addresses().of(exchange) : null;
        if (presented) {
            Optional<Duration> wait = attempts.failures().refusal(address);
            if (wait.isPresent()) {
                metrics.refusal("too_many_failures");
                JsonReplies.send(exchange, DataPlaneReplies.refusal(new Admission.Throttled("-", wait.get())));
                return false; // API Gateway's 429
            }
        }
        Admission admission = gateway.admit(key, resourcePath(exchange), exchange.method());
        keyId(admission).ifPresent(exchange::keyId);
        if (admission instanceof Admission.Admitted) {
            metrics.quotaCharge();
            if (rateLimitHeaders) {
                DataPlaneReplies.rateLimitHeaders(admission).forEach(exchange::header);
            }
            return true;
        }
        metrics.refusal(reason(admission));
        if (presented && admission instanceof Admission.Forbidden) {
            attempts.failures().failed(address);
        }
        JsonReplies.send(exchange, DataPlaneReplies.refusal(admission));
        return false;
    }

    /** The matched route's template below the stage, as API Gateway names resources: {@code /students/{studentid}}. */
    private String resourcePath(Exchange exchange) {
        String path = exchange.route().path();
        String below = path.startsWith(stageRoot) ? path.substring(stageRoot.length()) : path;
        return below.isEmpty() ? "/" : below;
    }

    private static String reason(Admission admission) {
        if (admission instanceof Admission.Throttled) {
            return "throttled";
        }
        return admission instanceof Admission.QuotaExceeded ? "quota_exceeded" : "forbidden";
    }

    private static Optional<String> keyId(Admission admission) {
        if (admission instanceof Admission.Admitted admitted) {
            return Optional.of(admitted.keyId());
        }
        if (admission instanceof Admission.Throttled throttled) {
            return Optional.of(throttled.keyId());
        }
        if (admission instanceof Admission.QuotaExceeded exceeded) {
            return Optional.of(exceeded.keyId());
        }
        return Optional.empty();
    }
}
