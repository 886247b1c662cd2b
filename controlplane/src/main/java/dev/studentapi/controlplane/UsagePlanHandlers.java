package dev.studentapi.controlplane;

import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaInput;
import dev.studentapi.core.usage.ThrottleInput;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanDraft;
import dev.studentapi.core.usage.UsagePlanService;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateUsagePlan, GetUsagePlans, GetUsagePlan, UpdateUsagePlan and DeleteUsagePlan over {@link UsagePlanService}. */
final class UsagePlanHandlers {
    private final UsagePlanService plans;

    UsagePlanHandlers(UsagePlanService plans) {
        this.plans = plans;
    }

    void create(Context ctx) {
        RequestBodies.CreateUsagePlan body = JsonCodec.read(ctx, RequestBodies.CreateUsagePlan.class);
        List<ApiStage> stages = new ArrayList<>();
        Map<ApiStage, Map<String, ThrottleInput>> methodThrottles = new LinkedHashMap<>();
        for (RequestBodies.ApiStageBody entry : body.apiStages() == null ? List.<RequestBodies.ApiStageBody>of()
                : body.apiStages()) {
            ApiStage stage = new ApiStage(String.valueOf(entry.apiId()), String.valueOf(entry.stage()));
            stages.add(stage);
            if (entry.throttle() != null) {
                Map<String, ThrottleInput> byMethod = new LinkedHashMap<>();
                entry.throttle().forEach((key, throttle) -> byMethod.put(key, throttle(throttle)));
                methodThrottles.put(stage, byMethod);
            }
        }
        UsagePlan plan = plans.create(new UsagePlanDraft(body.name(), body.description(), throttle(body.throttle()),
                quota(body.quota()), stages, body.tags(), methodThrottles));
        JsonCodec.respond(ctx, 201, Representations.UsagePlanJson.of(plan));
    }

    /** {@code GET /usageplans[?keyId=]}. */
    void list(Context ctx) {
        String keyId = ctx.queryParam("keyId");
        List<UsagePlan> all = keyId == null || keyId.isEmpty() ? plans.list() : plans.plansOfKey(keyId);
        JsonCodec.respond(ctx, 200, Paging.of(ctx).page(all, Representations.UsagePlanJson::of));
    }

    void get(Context ctx) {
        JsonCodec.respond(ctx, 200, Representations.UsagePlanJson.of(plans.get(ctx.pathParam("id")),
                Representations.EmptyTags.SHOWN));
    }

    void update(Context ctx) {
        String id = ctx.pathParam("id");
        plans.get(id);
        UsagePlanPatch patch = new UsagePlanPatch(JsonCodec.read(ctx, RequestBodies.Patch.class).patchOperations());
        JsonCodec.respond(ctx, 200, Representations.UsagePlanJson.of(plans.change(id, patch::applyTo),
                Representations.EmptyTags.SHOWN));
    }

    void delete(Context ctx) {
        plans.delete(ctx.pathParam("id"));
        JsonCodec.accepted(ctx);
    }

    private static ThrottleInput throttle(RequestBodies.Throttle body) {
        return body == null ? ThrottleInput.NONE : new ThrottleInput(body.rateLimit(), body.burstLimit());
    }

    private static QuotaInput quota(RequestBodies.Quota body) {
        return body == null ? QuotaInput.NONE : new QuotaInput(body.limit(), body.period(), body.offset());
    }
}
