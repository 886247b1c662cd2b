package dev.studentapi.core.usage;

import dev.studentapi.core.apikey.Tags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A usage plan: optional throttle and quota, applied to each key bound to it on the API stages it covers, and
 * optional throttles of single methods per stage, applied on top of the plan's throttle. A null throttle or
 * quota means no limit of that kind; an empty description means none; a stage without method throttles has no
 * entry in {@code methodThrottles}, and only covered stages have one.
 */
public record UsagePlan(String id, String name, String description, ThrottleSettings throttle,
                        QuotaSettings quota, List<ApiStage> apiStages, Map<String, String> tags,
                        Map<ApiStage, MethodThrottles> methodThrottles) {
    public UsagePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        apiStages = List.copyOf(apiStages);
        tags = Tags.copyOf(tags);
        Map<ApiStage, MethodThrottles> kept = new LinkedHashMap<>();
        if (methodThrottles != null) {
            for (Map.Entry<ApiStage, MethodThrottles> entry : methodThrottles.entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    if (!apiStages.contains(entry.getKey())) {
                        throw new IllegalArgumentException("method throttles on " + entry.getKey()
                                + ", a stage the plan does not cover");
                    }
                    kept.put(entry.getKey(), entry.getValue());
                }
            }
        }
        methodThrottles = Collections.unmodifiableMap(kept);
    }

    /** A plan without method throttles. */
    public UsagePlan(String id, String name, String description, ThrottleSettings throttle, QuotaSettings quota,
                     List<ApiStage> apiStages, Map<String, String> tags) {
        this(id, name, description, throttle, quota, apiStages, tags, Map.of());
    }

    /** A plan without tags or method throttles. */
    public UsagePlan(String id, String name, String description, ThrottleSettings throttle, QuotaSettings quota,
                     List<ApiStage> apiStages) {
        this(id, name, description, throttle, quota, apiStages, Map.of(), Map.of());
    }

    public Optional<ThrottleSettings> throttleSettings() {
        return Optional.ofNullable(throttle);
    }

    public Optional<QuotaSettings> quotaSettings() {
        return Optional.ofNullable(quota);
    }

    public boolean covers(ApiStage stage) {
        return apiStages.contains(stage);
    }

    /** The method throttles on {@code stage}; none when it has none or the plan does not cover it. */
    public MethodThrottles methodThrottles(ApiStage stage) {
        return methodThrottles.getOrDefault(stage, MethodThrottles.NONE);
    }

    public UsagePlan withName(String value) {
        return new UsagePlan(id, value, description, throttle, quota, apiStages, tags, methodThrottles);
    }

    public UsagePlan withDescription(String value) {
        return new UsagePlan(id, name, value, throttle, quota, apiStages, tags, methodThrottles);
    }

    public UsagePlan withThrottle(ThrottleSettings value) {
        return new UsagePlan(id, name, description, value, quota, apiStages, tags, methodThrottles);
    }

    public UsagePlan withQuota(QuotaSettings value) {
        return new UsagePlan(id, name, description, throttle, value, apiStages, tags, methodThrottles);
    }

    /** This plan on these stages; the method throttles of stages it no longer covers go with them. */
    public UsagePlan withApiStages(List<ApiStage> value) {
        Map<ApiStage, MethodThrottles> kept = new LinkedHashMap<>(methodThrottles);
        kept.keySet().retainAll(value);
        return new UsagePlan(id, name, description, throttle, quota, value, tags, kept);
    }

    public UsagePlan withTags(Map<String, String> value) {
        return new UsagePlan(id, name, description, throttle, quota, apiStages, value, methodThrottles);
    }

    public UsagePlan withMethodThrottles(Map<ApiStage, MethodThrottles> value) {
        return new UsagePlan(id, name, description, throttle, quota, apiStages, tags, value);
    }
}
