package dev.studentapi.controlplane;

import dev.studentapi.core.audit.AuditPosition;
import dev.studentapi.core.audit.AuditQuery;
import dev.studentapi.core.audit.AuditTrail;
import io.javalin.http.Context;

import java.util.Optional;

/** {@code GET /studentapi/audit?target=&who=&limit=&position=}: the audit log, newest first. */
final class AuditHandlers {
    private final AuditTrail trail;

    AuditHandlers(AuditTrail trail) {
        this.trail = trail;
    }

    void list(Context ctx) {
        AuditQuery query = new AuditQuery(Optional.ofNullable(ctx.queryParam("target")),
                Optional.ofNullable(ctx.queryParam("who")), limit(ctx.queryParam("limit")),
                Optional.ofNullable(ctx.queryParam("position")).filter(p -> !p.isEmpty()).map(AuditPosition::parse));
        JsonCodec.respond(ctx, 200, ExtensionJson.AuditPageJson.of(trail.list(query)));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= AuditQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new AwsBadRequest("Invalid limit '" + text + "': expected 1 to " + AuditQuery.MAX_LIMIT + ".");
    }
}
