package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.MethodThrottles;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents API Gateway answers with, field names and types as on the wire (dates are epoch seconds,
 * lists sit under {@code item}). A null field is left out: optional members that are unset are absent, never
 * empty, except {@code tags}, which some operations always answer (as {@code {}} when there are none).
 */
final class Representations {
    private Representations() {
    }

    /** Whether an answer carries {@code tags} when there are none, as some of API Gateway's operations do. */
    enum EmptyTags { SHOWN, LEFT_OUT }

    record ApiKeyJson(String id, String value, String name, String customerId, String description, boolean enabled,
                      long createdDate, long lastUpdatedDate, List<String> stageKeys, Map<String, String> tags) {

        /** A key without its value. */
        static ApiKeyJson of(ApiKey key) {
            return of(key, null, EmptyTags.LEFT_OUT);
        }

        static ApiKeyJson of(ApiKey key, String value, EmptyTags emptyTags) {
            return new ApiKeyJson(key.id(), value, present(key.name()), present(key.customerId()),
                    present(key.description()), key.enabled(), seconds(key.createdDate()),
                    seconds(key.lastUpdatedDate()), List.of(), tagsOf(key.tags(), emptyTags));
        }
    }

    /** A page of a list: {@code position} is present when there is a next page. */
    record Page<T>(List<T> item, String position) {}

    record ApiKeyIdsJson(List<String> ids, List<String> warnings) {}

    record UsagePlanJson(String id, String name, String description, List<ApiStageJson> apiStages,
                         ThrottleJson throttle, QuotaJson quota, Map<String, String> tags) {
        static UsagePlanJson of(UsagePlan plan) {
            return of(plan, EmptyTags.LEFT_OUT);
        }

        static UsagePlanJson of(UsagePlan plan, EmptyTags emptyTags) {
            return new UsagePlanJson(plan.id(), plan.name(), present(plan.description()),
                    plan.apiStages().stream().map(s -> ApiStageJson.of(s, plan.methodThrottles(s))).toList(),
                    plan.throttleSettings().map(ThrottleJson::of).orElse(null),
                    plan.quotaSettings().map(QuotaJson::of).orElse(null), tagsOf(plan.tags(), emptyTags));
        }
    }

    /** An API stage of a plan; {@code throttle}, its method throttles by key, is left out when it has none. */
    record ApiStageJson(String apiId, String stage, Map<String, ThrottleJson> throttle) {
        static ApiStageJson of(ApiStage stage, MethodThrottles throttles) {
            Map<String, ThrottleJson> byMethod = new LinkedHashMap<>();
            throttles.byMethod().forEach((key, settings) -> byMethod.put(key, ThrottleJson.of(settings)));
            return new ApiStageJson(stage.apiId(), stage.stage(), byMethod.isEmpty() ? null : byMethod);
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

    /** A key on a plan; {@code value} is present when values are kept (API Gateway always shows it). */
    record UsagePlanKeyJson(String id, String type, String value, String name) {
        static UsagePlanKeyJson of(ApiKey key, String value) {
            return new UsagePlanKeyJson(key.id(), "API_KEY", value, present(key.name()));
        }
    }

    /** GetUsage's answer; the per-key map is called {@code values} on the wire ({@code items} in the SDKs). */
    record UsageJson(String usagePlanId, String startDate, String endDate, String position,
                     Map<String, List<List<Long>>> values) {}

    record RestApiJson(String id, String name, String description, long createdDate, String version,
                       List<String> binaryMediaTypes, String apiKeySource, EndpointConfigurationJson endpointConfiguration,
                       boolean disableExecuteApiEndpoint, String rootResourceId, Map<String, String> tags) {}

    record EndpointConfigurationJson(List<String> types, String ipAddressType) {}

    record StageJson(String stageName, String deploymentId, String description, boolean cacheClusterEnabled,
                     String cacheClusterStatus, Map<String, Object> methodSettings, Map<String, String> variables,
                     boolean tracingEnabled, long createdDate, long lastUpdatedDate) {}

    record StagesJson(List<StageJson> item) {}

    record TagsJson(Map<String, String> tags) {}

    record ErrorJson(String message) {}

    static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }

    /** The text, or null (left out) when it is empty. */
    static String present(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The list, or null (left out) when it is empty. */
    static <T> List<T> present(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static Map<String, String> tagsOf(Map<String, String> tags, EmptyTags emptyTags) {
        return tags.isEmpty() && emptyTags == EmptyTags.LEFT_OUT ? null : tags;
    }
}
