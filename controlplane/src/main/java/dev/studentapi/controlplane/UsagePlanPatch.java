package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKeyException;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * UpdateUsagePlan's patch operations applied to a plan: replace {@code /name}, {@code /description},
 * {@code /throttle/rateLimit}, {@code /throttle/burstLimit}, {@code /quota/limit}, {@code /quota/period},
 * {@code /quota/offset}; remove {@code /throttle} or {@code /quota}; add or remove {@code /apiStages}
 * ({@code apiId:stage}). All operations are checked before the plan changes.
 */
final class UsagePlanPatch {
    private final List<PatchOperation> operations;
    private final PublishedApi api;

    private String name;
    private String description;
    private Double rateLimit;
    private Integer burstLimit;
    private Long quotaLimit;
    private QuotaPeriod period;
    private Integer offset;
    private final List<ApiStage> stages = new ArrayList<>();

    UsagePlanPatch(List<PatchOperation> operations, PublishedApi api) {
        this.operations = List.copyOf(operations);
        this.api = api;
    }

    UsagePlan applyTo(UsagePlan plan) {
        load(plan);
        operations.forEach(this::apply);
        return new UsagePlan(plan.id(), name, description, throttle(), quota(), stages);
    }

    private void load(UsagePlan plan) {
        name = plan.name();
        description = plan.description();
        plan.throttleSettings().ifPresent(t -> {
            rateLimit = t.rateLimit();
            burstLimit = t.burstLimit();
        });
        plan.quotaSettings().ifPresent(q -> {
            quotaLimit = q.limit();
            period = q.period();
            offset = q.offset();
        });
        stages.addAll(plan.apiStages());
    }

    private void apply(PatchOperation op) {
        String kind = op.op() == null ? "" : op.op().toLowerCase(Locale.ROOT);
        String path = op.path() == null ? "" : op.path();
        switch (kind + " " + path) {
            case "replace /name" -> name = nonBlank(op.requiredValue());
            case "replace /description" -> description = op.value() == null ? "" : op.value();
            case "replace /throttle/rateLimit", "add /throttle/rateLimit" -> rateLimit = op.doubleValue();
            case "replace /throttle/burstLimit", "add /throttle/burstLimit" -> burstLimit = (int) op.longValue();
            case "replace /quota/limit", "add /quota/limit" -> quotaLimit = op.longValue();
            case "replace /quota/period", "add /quota/period" -> period = periodOf(op.requiredValue());
            case "replace /quota/offset", "add /quota/offset" -> offset = (int) op.longValue();
            case "remove /throttle" -> {
                rateLimit = null;
                burstLimit = null;
            }
            case "remove /quota" -> {
                quotaLimit = null;
                period = null;
                offset = null;
            }
            case "add /apiStages" -> {
                ApiStage stage = api.parseStage(op.requiredValue());
                if (!stages.contains(stage)) {
                    stages.add(stage);
                }
            }
            case "remove /apiStages" -> {
                ApiStage stage = api.parseStage(op.requiredValue());
                if (!stages.remove(stage)) {
                    throw ApiKeyException.badRequest("API stage " + stage + " is not in the usage plan.");
                }
            }
            default -> throw op.unsupported();
        }
    }

    private ThrottleSettings throttle() {
        if (rateLimit == null && burstLimit == null) {
            return null;
        }
        if (rateLimit == null || burstLimit == null) {
            throw ApiKeyException.badRequest("A throttle needs both rateLimit and burstLimit.");
        }
        return new ThrottleSettings(rateLimit, burstLimit);
    }

    private QuotaSettings quota() {
        if (quotaLimit == null && period == null && offset == null) {
            return null;
        }
        if (quotaLimit == null || period == null) {
            throw ApiKeyException.badRequest("A quota needs both limit and period.");
        }
        return new QuotaSettings(quotaLimit, period, offset == null ? 0 : offset);
    }

    private static String nonBlank(String value) {
        if (value.isBlank()) {
            throw ApiKeyException.badRequest("Usage plan name must not be blank.");
        }
        return value.strip();
    }

    static QuotaPeriod periodOf(String text) {
        try {
            return QuotaPeriod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiKeyException.badRequest("Invalid quota period '" + text + "': expected DAY, WEEK or MONTH.");
        }
    }
}
