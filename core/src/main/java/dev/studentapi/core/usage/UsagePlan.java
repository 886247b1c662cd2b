package dev.studentapi.core.usage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A usage plan: optional throttle and quota, applied to each key bound to it on the API stages it covers.
 * A null throttle or quota means no limit of that kind.
 */
public record UsagePlan(String id, String name, String description, ThrottleSettings throttle,
                        QuotaSettings quota, List<ApiStage> apiStages) {
    public UsagePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        apiStages = List.copyOf(apiStages);
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
        return new UsagePlan(id, value, description, throttle, quota, apiStages);
    }

    public UsagePlan withDescription(String value) {
        return new UsagePlan(id, name, value, throttle, quota, apiStages);
    }

    public UsagePlan withThrottle(ThrottleSettings value) {
        return new UsagePlan(id, name, description, value, quota, apiStages);
    }

    public UsagePlan withQuota(QuotaSettings value) {
        return new UsagePlan(id, name, description, throttle, value, apiStages);
    }

    public UsagePlan withApiStages(List<ApiStage> value) {
        return new UsagePlan(id, name, description, throttle, quota, value);
    }
}
