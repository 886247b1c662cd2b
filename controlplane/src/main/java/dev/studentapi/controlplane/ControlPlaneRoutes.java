package dev.studentapi.controlplane;

import dev.studentapi.controlplane.console.Console;
import io.javalin.config.RoutesConfig;

/** Registers every control-plane route at API Gateway's REST paths, behind the signature and permission checks. */
final class ControlPlaneRoutes {
    private ControlPlaneRoutes() {
    }

    static void register(RoutesConfig routes, Console console, SignatureFilter signatures,
                         PermissionFilter permissions, ApiKeyHandlers keys, UsagePlanHandlers plans,
                         UsagePlanKeyHandlers planKeys, UsageHandlers usage, RestApiHandlers apis, TagHandlers tags,
                         String accountId, AuditStep audit, KeyLifecycleHandlers lifecycle,
                         AuditHandlers auditLog) {
        console.register(routes);
        routes.before(ctx -> {
            if (!Console.servesWithoutAuthentication(ctx)) {
                signatures.handle(ctx);
            }
        });
        routes.before(permissions);
        routes.before(audit::before);
        routes.after(audit::after);

        routes.post("/apikeys", keys::createOrImport);
        routes.get("/apikeys", keys::list);
        routes.get("/apikeys/{id}", keys::get);
        routes.patch("/apikeys/{id}", keys::update);
        routes.delete("/apikeys/{id}", keys::delete);

        routes.post("/usageplans", plans::create);
        routes.get("/usageplans", plans::list);
        routes.get("/usageplans/{id}", plans::get);
        routes.patch("/usageplans/{id}", plans::update);
        routes.delete("/usageplans/{id}", plans::delete);

        routes.post("/usageplans/{id}/keys", planKeys::create);
        routes.get("/usageplans/{id}/keys", planKeys::list);
        routes.get("/usageplans/{id}/keys/{keyId}", planKeys::get);
        routes.delete("/usageplans/{id}/keys/{keyId}", planKeys::delete);

        routes.get("/usageplans/{id}/usage", usage::get);
        routes.patch("/usageplans/{id}/keys/{keyId}/usage", usage::update);

        routes.get("/restapis", apis::list);
        routes.get("/restapis/{apiId}", apis::get);
        routes.get("/restapis/{apiId}/stages", apis::stages);
        routes.get("/restapis/{apiId}/stages/{stage}", apis::stage);
        routes.get("/restapis/{apiId}/stages/{stage}/exports/{type}", apis::export);

        routes.put("/tags/<arn>", tags::tag);
        routes.delete("/tags/<arn>", tags::untag);
        routes.get("/tags/<arn>", tags::get);

        routes.get("/studentapi/apikeys", lifecycle::list);
        routes.put("/studentapi/apikeys/{id}/expiration", lifecycle::setExpiration);
        routes.post("/studentapi/apikeys/{id}/rotate", lifecycle::rotate);
        routes.get("/studentapi/audit", auditLog::list);

        AwsErrors.register(routes, accountId);
    }
}
