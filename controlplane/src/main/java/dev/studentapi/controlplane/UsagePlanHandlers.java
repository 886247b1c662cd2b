package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKeyException;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanService;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/** CreateUsagePlan, GetUsagePlans, GetUsagePlan, UpdateUsagePlan and DeleteUsagePlan over {@link UsagePlanService}. */
final class UsagePlanHandlers {
    private final UsagePlanService plans;
    private final PublishedApi api;

    UsagePlanHandlers(UsagePlanService plans, PublishedApi api) {
        this.plans = plans;
        this.api = api;
    }

    void create(Context ctx) {
        RequestBodies.CreateUsagePlan body = JsonCodec.read(ctx, RequestBodies.CreateUsagePlan.class);
        List<ApiStage> stages = new ArrayList<>();
        for (RequestBodies.ApiStageBody stage : body.apiStages() == null ? List.<RequestBodies.ApiStageBody>of()
                : body.apiStages()) {
            if (stage.throttle() != null && !stage.throttle().isEmpty()) {
                throw ApiKeyException.badRequest("Per-method throttling in apiStages is not supported by this server.");
            }
            api.requireStage(stage.apiId(), stage.stage());
            stages.add(new ApiStage(stage.apiId(), stage.stage()));
        }
        UsagePlan plan = plans.create(body.name(), body.description(), throttle(body.throttle()),
                quota(body.quota()), stages);
        JsonCodec.respond(ctx, 201, Representations.UsagePlanJson.of(plan));
    }

    /** {@code GET /usageplans[?keyId=]}. */
    void list(Context ctx) {
        String keyId = ctx.queryParam("keyId");
        List<UsagePlan> all = keyId == null || keyId.isEmpty() ? plans.list() : plans.plansOfKey(keyId);
        JsonCodec.respond(ctx, 200, Paging.of(ctx).page(all, Representations.UsagePlanJson::of));
    }

    void get(Context ctx) {
        JsonCodec.respond(ctx, 200, Representations.UsagePlanJson.of(plans.get(ctx.pathParam("id"))));
    }

    void update(Context ctx) {
        String id = ctx.pathParam("id");
        plans.get(id);
        UsagePlanPatch patch = new UsagePlanPatch(JsonCodec.read(ctx, RequestBodies.Patch.class).patchOperations(), api);
        JsonCodec.respond(ctx, 200, Representations.UsagePlanJson.of(plans.change(id, patch::applyTo)));
    }

    void delete(Context ctx) {
        plans.delete(ctx.pathParam("id"));
        JsonCodec.accepted(ctx);
    }

    private static ThrottleSettings throttle(RequestBodies.Throttle body) {
        if (body == null) {
            return null;
        }
        if (body.rateLimit() == null || body.burstLimit() == null) {
            throw ApiKeyException.badRequest("A throttle needs both rateLimit and burstLimit.");
        }
        return new ThrottleSettings(body.rateLimit(), body.burstLimit());
    }

    private static QuotaSettings quota(RequestBodies.Quota body) {
        if (body == null) {
            return null;
        }
        if (body.limit() == null || body.period() == null) {
            throw ApiKeyException.badRequest("A quota needs both limit and period.");
        }
        return new QuotaSettings(body.limit(), UsagePlanPatch.periodOf(body.period()),
                body.offset() == null ? 0 : body.offset());
    }
}
