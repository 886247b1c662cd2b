package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKeyException;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.usage.DailyUsage;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsageService;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GetUsage (per key, per day, {@code [used, remaining]}) and UpdateUsage (set the remaining quota). */
final class UsageHandlers {
    static final int MAX_DAYS = 90;

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
        LocalDate from = date(ctx.queryParam("startDate"), "startDate");
        LocalDate to = date(ctx.queryParam("endDate"), "endDate");
        if (to.isBefore(from)) {
            throw ApiKeyException.badRequest("The end date must not be before the start date.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiKeyException.badRequest("The date range must not exceed " + MAX_DAYS + " days.");
        }
        String keyId = ctx.queryParam("keyId");
        List<String> keyIds = keyId == null || keyId.isEmpty() ? plans.keyIds(planId) : List.of(keys.get(keyId).id());
        Paging paging = Paging.of(ctx);
        int end = (int) Math.min((long) paging.offset() + paging.limit(), keyIds.size());
        Map<String, List<List<Long>>> values = new LinkedHashMap<>();
        for (String id : keyIds.subList(Math.min(paging.offset(), keyIds.size()), end)) {
            values.put(id, rows(usage.daily(planId, id, from, to)));
        }
        JsonCodec.respond(ctx, 200, new Representations.UsageJson(planId, from.toString(), to.toString(),
                paging.nextPosition(keyIds.size(), end), values));
    }

    /** {@code PATCH /usageplans/{id}/keys/{keyId}/usage} with {@code replace /remaining}; answers today's usage. */
    void update(Context ctx) {
        String planId = ctx.pathParam("id");
        String keyId = ctx.pathParam("keyId");
        List<PatchOperation> operations = JsonCodec.read(ctx, RequestBodies.Patch.class).patchOperations();
        if (operations.isEmpty()) {
            throw ApiKeyException.badRequest("UpdateUsage needs a 'replace' operation on /remaining.");
        }
        for (PatchOperation operation : operations) {
            if (!operation.is("replace", "/remaining")) {
                throw operation.unsupported();
            }
            operation.longValue();
        }
        if (!plans.keyIds(planId).contains(keyId)) {
            throw ApiKeyException.notFound("Invalid API Key identifier specified");
        }
        for (PatchOperation operation : operations) {
            usage.setRemaining(planId, keyId, operation.longValue());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonCodec.respond(ctx, 200, new Representations.UsageJson(planId, today.toString(), today.toString(), null,
                Map.of(keyId, rows(usage.daily(planId, keyId, today, today)))));
    }

    private static List<List<Long>> rows(List<DailyUsage> days) {
        return days.stream().map(day -> List.of(day.used(), day.remaining())).toList();
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            throw ApiKeyException.badRequest(name + " is required (yyyy-MM-dd).");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiKeyException.badRequest("Invalid " + name + " '" + text + "': expected yyyy-MM-dd.");
        }
    }
}
