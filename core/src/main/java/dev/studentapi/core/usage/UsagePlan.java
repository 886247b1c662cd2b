package dev.studentapi.core.usage;

import dev.studentapi.core.apikey.Tags;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A usage plan: optional throttle and quota, applied to each key bound to it on the API stages it covers.
 * A null throttle or quota means no limit of that kind; an empty description means none.
 */
public record UsagePlan(String id, String name, String description, ThrottleSettings throttle,
                        QuotaSettings quota, List<ApiStage> apiStages, Map<String, String> tags) {
    public UsagePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        apiStages = List.copyOf(apiStages);
        tags = Tags.copyOf(tags);
    }

    /** A plan without tags. */
    public UsagePlan(String id, String name, String description, ThrottleSettings throttle, QuotaSettings quota,
                     List<ApiStage> apiStages) {
        this(id, name, description, throttle, quota, apiStages, Map.of());
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

    public UsagePlan withName(String value) {
        return new UsagePlan(id, value, description, throttle, quota, apiStages, tags);
    }

    public UsagePlan withDescription(String value) {
        return new UsagePlan(id, name, value, throttle, quota, apiStages, tags);
    }

    public UsagePlan withThrottle(ThrottleSettings value) {
        return new UsagePlan(id, name, description, value, quota, apiStages, tags);
    }

    public UsagePlan withQuota(QuotaSettings value) {
        return new UsagePlan(id, name, description, throttle, value, apiStages, tags);
    }

    public UsagePlan withApiStages(List<ApiStage> value) {
        return new UsagePlan(id, name, description, throttle, quota, value, tags);
    }

    public UsagePlan withTags(Map<String, String> value) {
        return new UsagePlan(id, name, description, throttle, quota, apiStages, value);
    }
}
