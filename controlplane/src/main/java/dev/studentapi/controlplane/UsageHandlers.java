package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.usage.DailyUsage;
import dev.studentapi.core.usage.UsageDays;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsageService;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GetUsage (per key, per day, {@code [used, remaining]}) and UpdateUsage (set the remaining quota). */
final class UsageHandlers {
    private final UsageService usage;
    private final UsagePlanService plans;
    private final ApiKeyService keys;
    private final Clock clock;

    UsageHandlers(UsageService usage, UsagePlanService plans, ApiKeyService keys, Clock clock) {
        this.usage = usage;
        this.plans = plans;
        this.keys = keys;
        this.clock = clock;
    }

    /** {@code GET /usageplans/{id}/usage?startDate=&endDate=[&keyId=]}, paged over keys. */
    void get(Context ctx) {
        String planId = ctx.pathParam("id");
        plans.get(planId);
        UsageDays days = new UsageDays(date(ctx.queryParam("startDate"), "startDate"),
                date(ctx.queryParam("endDate"), "endDate"));
        String keyId = ctx.queryParam("keyId");
        List<String> keyIds = keyId == null || keyId.isEmpty() ? plans.keyIds(planId) : List.of(keys.get(keyId).id());
        Paging paging = Paging.of(ctx);
        int end = (int) Math.min((long) paging.offset() + paging.limit(), keyIds.size());
        Map<String, List<List<Long>>> values = new LinkedHashMap<>();
        for (String id : keyIds.subList(Math.min(paging.offset(), keyIds.size()), end)) {
            values.put(id, rows(usage.daily(planId, id, days)));
        }
        JsonCodec.respond(ctx, 200, new Representations.UsageJson(planId, days.from().toString(), days.to().toString(),
                paging.nextPosition(keyIds.size(), end), values));
    }

    /** {@code PATCH /usageplans/{id}/keys/{keyId}/usage} with {@code replace /remaining}; answers today's usage. */
    void update(Context ctx) {
        String planId = ctx.pathParam("id");
        String keyId = ctx.pathParam("keyId");
        List<PatchOperation> operations = JsonCodec.read(ctx, RequestBodies.Patch.class).patchOperations();
        if (operations.isEmpty()) {
            throw new AwsBadRequest("UpdateUsage needs a 'replace' operation on /remaining.");
        }
        for (PatchOperation operation : operations) {
            if (!operation.is("replace", "/remaining")) {
                throw operation.unsupported();
            }
            operation.longValue();
        }
        for (PatchOperation operation : operations) {
            usage.setRemaining(planId, keyId, operation.longValue());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonCodec.respond(ctx, 200, new Representations.UsageJson(planId, today.toString(), today.toString(), null,
                Map.of(keyId, rows(usage.daily(planId, keyId, new UsageDays(today, today))))));
    }

    private static List<List<Long>> rows(List<DailyUsage> days) {
        return days.stream().map(day -> List.of(day.used(), day.remaining())).toList();
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new AwsBadRequest(name + " is required (yyyy-MM-dd).");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new AwsBadRequest("Invalid " + name + " '" + text + "': expected yyyy-MM-dd.");
        }
    }
}
