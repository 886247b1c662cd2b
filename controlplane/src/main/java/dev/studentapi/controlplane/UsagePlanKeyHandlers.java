package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.usage.UsagePlanService;
import io.javalin.http.Context;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CreateUsagePlanKey, GetUsagePlanKeys, GetUsagePlanKey and DeleteUsagePlanKey: binding keys to plans. */
final class UsagePlanKeyHandlers {
    private final UsagePlanService plans;
    private final ApiKeyService keys;

    UsagePlanKeyHandlers(UsagePlanService plans, ApiKeyService keys) {
        this.plans = plans;
        this.keys = keys;
    }

    void create(Context ctx) {
        RequestBodies.CreateUsagePlanKey body = JsonCodec.read(ctx, RequestBodies.CreateUsagePlanKey.class);
        if (!"API_KEY".equals(body.keyType())) {
            throw new AwsBadRequest("Invalid keyType '" + body.keyType() + "': expected API_KEY.");
        }
        if (body.keyId() == null || body.keyId().isBlank()) {
            throw new AwsBadRequest("keyId is required.");
        }
        plans.bind(ctx.pathParam("id"), body.keyId());
        JsonCodec.respond(ctx, 201, render(keys.get(body.keyId())));
    }

    /** {@code GET /usageplans/{id}/keys[?name=]}; an unknown plan has no keys, as on API Gateway. */
    void list(Context ctx) {
        String prefix = ctx.queryParam("name");
        Set<String> boundIds = new HashSet<>(plans.keyIdsIfAny(ctx.pathParam("id")));
        List<ApiKey> bound = keys.list().stream()
                .filter(key -> boundIds.contains(key.id()))
                .filter(key -> prefix == null || key.name().startsWith(prefix))
                .toList();
        JsonCodec.respond(ctx, 200, Paging.of(ctx).page(bound, this::render));
    }

    void get(Context ctx) {
        ApiKey key = plans.keyOnPlan(ctx.pathParam("id"), ctx.pathParam("keyId"));
        JsonCodec.respond(ctx, 200, render(key));
    }

    /** The key on its plan, with its value when values are kept (API Gateway always shows it there). */
    private Representations.UsagePlanKeyJson render(ApiKey key) {
        return Representations.UsagePlanKeyJson.of(key, keys.value(key).orElse(null));
    }

    void delete(Context ctx) {
        plans.unbind(ctx.pathParam("id"), ctx.pathParam("keyId"));
        JsonCodec.accepted(ctx);
    }
}
