package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.audit.AuditOperation;
import dev.studentapi.core.audit.AuditSummary;
import dev.studentapi.core.audit.AuditTrail;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Records every successful change made through the control plane in the audit log: before a changing route
 * runs, the state of its target; after it answered 2xx, the state again, with the caller as "who". A refused
 * change (4xx, 5xx) is not recorded. When the log cannot be written, the answer stays as it is and the failure
 * is logged.
 */
final class AuditStep {
    private static final String ROUTE = "studentapi.audit.route";
    private static final String BEFORE = "studentapi.audit.before";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REASON_HEADER = "x-studentapi-reason";
    private static final int REASON_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AuditStep.class);

    private final AuditTrail trail;

    AuditStep(AuditTrail trail) {
        this.trail = trail;
    }

    /** The before-step: notes which change this is and the state of its target now. */
    void before(Context ctx) {
        AuditedRoute.of(ctx.method().name(), ctx.path(), ctx.queryParam("mode")).ifPresent(route -> {
            ctx.attribute(ROUTE, route);
            if (!route.creation()) {
                ctx.attribute(BEFORE, trail.snapshot(route.operation(), route.target()));
            }
        });
    }

    /** The after-step: records the change when it succeeded. */
    void after(Context ctx) {
        AuditedRoute route = ctx.attribute(ROUTE);
        if (route == null || ctx.statusCode() < 200 || ctx.statusCode() > 299) {
            return;
        }
        try {
            record(ctx, route);
        } catch (RuntimeException e) {
            // the change is made and answered; a client told otherwise would repeat it
            LOG.error("The audit log could not record {} on {}: {}", route.operation().awsName(), route.target(),
                    e.getMessage());
        }
    }

    private void record(Context ctx, AuditedRoute route) {
        String who = Caller.of(ctx).map(Caller::accessKeyId).orElse("unknown");
        Optional<AuditSummary> before = Optional.ofNullable(ctx.<Optional<AuditSummary>>attribute(BEFORE))
                .flatMap(summary -> summary);
        AuditOperation operation = route.operation();
        switch (operation) {
            case CREATE_API_KEY, CREATE_USAGE_PLAN -> created(who, operation, response(ctx).path("id").asText(""));
            case IMPORT_API_KEYS -> response(ctx).path("ids")
                    .forEach(id -> created(who, operation, id.asText("")));
            case CREATE_USAGE_PLAN_KEY -> {
                String keyId = response(ctx).path("id").asText("");
                created(who, operation, keyId.isEmpty() ? "" : AuditTrail.planKey(route.target(), keyId));
            }
            case ROTATE_API_KEY -> trail.record(who, operation, route.target(), before,
                    trail.replacement(response(ctx).path("apiKey").path("id").asText("")));
            case UPDATE_USAGE -> trail.record(who, operation, route.target(), before,
                    withReason(trail.snapshot(operation, route.target()), ctx.header(REASON_HEADER)));
            default -> trail.record(who, operation, route.target(), before,
                    trail.snapshot(operation, route.target()));
        }
    }

    /**
     * The operator's reason for granting requests (the console sends it percent-encoded in
     * {@value #REASON_HEADER}), kept with the change, cut to {@value #REASON_LIMIT} characters.
     */
    private static Optional<AuditSummary> withReason(Optional<AuditSummary> after, String header) {
        if (header == null || header.isBlank()) {
            return after;
        }
        String reason;
        try {
            reason = URLDecoder.decode(header, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            reason = header;
        }
        reason = reason.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (reason.isEmpty()) {
            return after;
        }
        String kept = reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) : reason;
        return Optional.of(after.orElseGet(() -> new AuditSummary(java.util.Map.of())).with("reason", kept));
    }

    private void created(String who, AuditOperation operation, String target) {
        if (!target.isEmpty()) {
            trail.record(who, operation, target, Optional.empty(), trail.snapshot(operation, target));
        }
    }

    private static JsonNode response(Context ctx) {
        String body = ctx.result();
        try {
            return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
