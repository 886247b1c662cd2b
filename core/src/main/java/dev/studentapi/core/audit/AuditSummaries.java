package dev.studentapi.core.audit;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.UsagePlan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for what a summary shows: a key's name, description, enabled flag, expiration and plans; a plan's
 * name, description, throttle, quota, stages, method throttles and keys; a binding's plan and key; a usage's remaining quota.
 * Never a key value, its hash or a secret.
 */
public final class AuditSummaries {

    private AuditSummaries() {
    }

    public static AuditSummary key(ApiKey key, List<String> planIds, Optional<Instant> expiration) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", key.name());
        fields.put("description", key.description());
        fields.put("enabled", key.enabled());
        expiration.ifPresent(time -> fields.put("expirationDate", time.getEpochSecond()));
        fields.put("planIds", planIds);
        return new AuditSummary(fields);
    }

    public static AuditSummary plan(UsagePlan plan, List<String> keyIds) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", plan.name());
        fields.put("description", plan.description());
        plan.throttleSettings().ifPresent(throttle -> {
            fields.put("rateLimit", throttle.rateLimit());
            fields.put("burstLimit", (long) throttle.burstLimit());
        });
        plan.quotaSettings().ifPresent(quota -> {
            fields.put("quotaLimit", quota.limit());
            fields.put("quotaPeriod", quota.period().name());
            fields.put("quotaOffset", (long) quota.offset());
        });
        fields.put("stages", plan.apiStages().stream().map(ApiStage::toString).toList());
        List<String> methods = methodThrottles(plan);
        if (!methods.isEmpty()) {
            fields.put("methodThrottles", methods);
        }
        fields.put("keyIds", keyIds);
        return new AuditSummary(fields);
    }

    /** Each method throttle as {@code student:prod /students/GET rateLimit=2.0 burstLimit=4}, in a stable order. */
    private static List<String> methodThrottles(UsagePlan plan) {
        return plan.methodThrottles().entrySet().stream()
                .flatMap(stage -> stage.getValue().byMethod().entrySet().stream()
                        .map(method -> stage.getKey() + " " + method.getKey() + " rateLimit="
                                + method.getValue().rateLimit() + " burstLimit=" + method.getValue().burstLimit()))
                .sorted().toList();
    }

    public static AuditSummary binding(String planId, ApiKey key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("planId", planId);
        fields.put("keyId", key.id());
        fields.put("keyName", key.name());
        return new AuditSummary(fields);
    }

    /** A key's quota on a plan: what remains in the current window. */
    public static AuditSummary usage(String planId, String keyId, long remaining) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("planId", planId);
        fields.put("keyId", keyId);
        fields.put("remaining", remaining);
        return new AuditSummary(fields);
    }
}
