package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents API Gateway answers with, field names and types as on the wire (dates are epoch seconds,
 * lists sit under {@code item}). A null field is left out.
 */
final class Representations {
    private Representations() {
    }

    record ApiKeyJson(String id, String value, String name, String description, boolean enabled, long createdDate,
                      long lastUpdatedDate, List<String> stageKeys) {

        /** A key without its value: all that can be shown after creation, since only a hash is stored. */
        static ApiKeyJson of(ApiKey key) {
            return withValue(key, null);
        }

        static ApiKeyJson withValue(ApiKey key, String value) {
            return new ApiKeyJson(key.id(), value, key.name(), key.description(), key.enabled(),
                    seconds(key.createdDate()), seconds(key.lastUpdatedDate()), List.of());
        }
    }

    /** A page of a list: {@code position} is present when there is a next page. */
    record Page<T>(List<T> item, String position) {}

    record ApiKeyIdsJson(List<String> ids, List<String> warnings) {}

    record UsagePlanJson(String id, String name, String description, List<ApiStageJson> apiStages,
                         ThrottleJson throttle, QuotaJson quota) {
        static UsagePlanJson of(UsagePlan plan) {
            return new UsagePlanJson(plan.id(), plan.name(), plan.description(),
                    plan.apiStages().stream().map(ApiStageJson::of).toList(),
                    plan.throttleSettings().map(ThrottleJson::of).orElse(null),
                    plan.quotaSettings().map(QuotaJson::of).orElse(null));
        }
    }

    record ApiStageJson(String apiId, String stage) {
        static ApiStageJson of(ApiStage stage) {
            return new ApiStageJson(stage.apiId(), stage.stage());
        }
    }

    record ThrottleJson(int burstLimit, double rateLimit) {
        static ThrottleJson of(ThrottleSettings throttle) {
            return new ThrottleJson(throttle.burstLimit(), throttle.rateLimit());
        }
    }

    record QuotaJson(long limit, int offset, String period) {
        static QuotaJson of(QuotaSettings quota) {
            return new QuotaJson(quota.limit(), quota.offset(), quota.period().name());
        }
    }

    record UsagePlanKeyJson(String id, String type, String name) {
        static UsagePlanKeyJson of(ApiKey key) {
            return new UsagePlanKeyJson(key.id(), "API_KEY", key.name());
        }
    }

    /** GetUsage's answer; the per-key map is called {@code values} on the wire ({@code items} in the SDKs). */
    record UsageJson(String usagePlanId, String startDate, String endDate, String position,
                     Map<String, List<List<Long>>> values) {}

    record RestApiJson(String id, String name, String description, long createdDate, String version,
                       List<String> binaryMediaTypes, String apiKeySource, EndpointConfigurationJson endpointConfiguration,
                       boolean disableExecuteApiEndpoint, String rootResourceId, Map<String, String> tags) {}

    record EndpointConfigurationJson(List<String> types) {}

    record StageJson(String stageName, String deploymentId, String description, boolean cacheClusterEnabled,
                     String cacheClusterStatus, Map<String, Object> methodSettings, Map<String, String> variables,
                     boolean tracingEnabled, long createdDate, long lastUpdatedDate) {}

    record StagesJson(List<StageJson> item) {}

    record ErrorJson(String message) {}

    static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }
}
