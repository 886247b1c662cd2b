package dev.studentapi.controlplane;

import java.util.List;
import java.util.Map;

/** The JSON request bodies of API Gateway's key and usage-plan operations, field names as on the wire. */
final class RequestBodies {
    private RequestBodies() {
    }

    record CreateApiKey(String name, String description, Boolean enabled, String value, Boolean generateDistinctId,
                        String customerId, List<Object> stageKeys, Map<String, String> tags) {}

    record CreateUsagePlan(String name, String description, List<ApiStageBody> apiStages, Throttle throttle,
                           Quota quota, Map<String, String> tags) {}

    record ApiStageBody(String apiId, String stage, Map<String, Throttle> throttle) {}

    record Throttle(Integer burstLimit, Double rateLimit) {}

    record Quota(Long limit, Integer offset, String period) {}

    record CreateUsagePlanKey(String keyId, String keyType) {}

    record TagResource(Map<String, String> tags) {}

    record Patch(List<PatchOperation> patchOperations) {
        Patch {
            patchOperations = patchOperations == null ? List.of() : List.copyOf(patchOperations);
        }
    }
}
