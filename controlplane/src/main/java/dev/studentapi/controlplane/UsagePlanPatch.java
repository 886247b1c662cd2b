package dev.studentapi.controlplane;

import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.UsagePlanDraft;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * UpdateUsagePlan's patch operations, read into a change of a plan's draft: replace {@code /name},
 * {@code /description}, {@code /throttle/rateLimit}, {@code /throttle/burstLimit}, {@code /quota/limit},
 * {@code /quota/period}, {@code /quota/offset}; remove {@code /throttle} or {@code /quota}; add or remove
 * {@code /apiStages} ({@code apiId:stage}); and for the method throttles of a stage ({@link MethodThrottlePath}),
 * add or replace {@code .../throttle/{resourcePath}/{httpMethod}/rateLimit} and {@code /burstLimit}, remove
 * {@code .../throttle/{resourcePath}/{httpMethod}} and {@code .../throttle}. The core validates the resulting plan
 * before anything changes.
 */
final class UsagePlanPatch {
    private final List<PatchOperation> operations;

    UsagePlanPatch(List<PatchOperation> operations) {
        this.operations = List.copyOf(operations);
    }

    UsagePlanDraft applyTo(UsagePlanDraft draft) {
        UsagePlanDraft result = draft;
        for (PatchOperation operation : operations) {
            result = apply(operation, result);
        }
        return result;
    }

    private static UsagePlanDraft apply(PatchOperation op, UsagePlanDraft d) {
        String kind = op.op() == null ? "" : op.op().toLowerCase(Locale.ROOT);
        String path = op.path() == null ? "" : op.path();
        Optional<MethodThrottlePath> method = MethodThrottlePath.parse(path);
        if (method.isPresent()) {
            return applyToMethod(op, kind, method.get(), d);
        }
        return switch (kind + " " + path) {
            case "replace /name" -> d.withName(op.requiredValue());
            case "replace /description" -> d.withDescription(op.value() == null ? "" : op.value());
            case "replace /throttle/rateLimit", "add /throttle/rateLimit" ->
                    d.withThrottle(d.throttle().withRateLimit(op.doubleValue()));
            case "replace /throttle/burstLimit", "add /throttle/burstLimit" ->
                    d.withThrottle(d.throttle().withBurstLimit((int) op.longValue()));
            case "replace /quota/limit", "add /quota/limit" -> d.withQuota(d.quota().withLimit(op.longValue()));
            case "replace /quota/period", "add /quota/period" -> d.withQuota(d.quota().withPeriod(op.requiredValue()));
            case "replace /quota/offset", "add /quota/offset" ->
                    d.withQuota(d.quota().withOffset((int) op.longValue()));
            case "remove /throttle" -> d.withThrottle(null);
            case "remove /quota" -> d.withQuota(null);
            case "add /apiStages" -> d.withStage(ApiStage.parse(op.value()));
            case "remove /apiStages" -> d.withoutStage(ApiStage.parse(op.value()));
            default -> throw op.unsupported();
        };
    }

    private static UsagePlanDraft applyToMethod(PatchOperation op, String kind, MethodThrottlePath path,
                                                UsagePlanDraft d) {
        boolean setting = kind.equals("add") || kind.equals("replace");
        if (path.methodKey().isEmpty()) {
            if (kind.equals("remove")) {
                return d.withoutMethodThrottles(path.stage());
            }
            throw op.unsupported();
        }
        String key = path.methodKey().get();
        if (path.field().isEmpty()) {
            if (kind.equals("remove")) {
                return d.withoutMethodThrottle(path.stage(), key);
            }
            throw op.unsupported();
        }
        if (!setting) {
            throw op.unsupported();
        }
        return path.field().get().equals("rateLimit")
                ? d.withMethodThrottle(path.stage(), key, t -> t.withRateLimit(op.doubleValue()))
                : d.withMethodThrottle(path.stage(), key, t -> t.withBurstLimit((int) op.longValue()));
    }
}
