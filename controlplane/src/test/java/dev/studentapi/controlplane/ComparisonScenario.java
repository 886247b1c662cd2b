package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayResponse;
import software.amazon.awssdk.services.apigateway.model.ApiKeysFormat;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One fixed sequence of control-plane calls, run against any endpoint, recording per operation the status,
 * the error type and the raw JSON body.
 */
final class ComparisonScenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one call produced: a body for a success, an error type for a failure. */
    record Outcome(int status, JsonNode body, String errorType) {}

    private final ApiGatewayClient client;
    private final RawJsonRecorder recorder;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    ComparisonScenario(ApiGatewayClient client, RawJsonRecorder recorder) {
        this.client = client;
        this.recorder = recorder;
    }

    /**
     * Runs every operation on API {@code apiId}, stage {@code prod}; with {@code beyondMoto} also ImportApiKeys,
     * GetUsage and UpdateUsage, which moto_server does not implement.
     */
    Map<String, Outcome> run(String apiId, boolean beyondMoto) {
        ApiStage stage = ApiStage.builder().apiId(apiId).stage("prod").build();
        String keyId = call("CreateApiKey", () -> client.createApiKey(r -> r.name("compare-key").description("d")
                .enabled(true).value("comparevalue0123456789abc"))).id();
        call("GetApiKey", () -> client.getApiKey(r -> r.apiKey(keyId).includeValue(true)));
        call("GetApiKeys", () -> client.getApiKeys(r -> r.includeValues(true)));
        call("UpdateApiKey", () -> client.updateApiKey(r -> r.apiKey(keyId).patchOperations(
                replace("/name", "compare-key-2"), replace("/description", "d2"))));
        call("GetApiKey.NotFound", () -> client.getApiKey(r -> r.apiKey("nosuchkey0")));
        call("CreateApiKey.BadRequest", () -> client.createApiKey(r -> r.name("short").value("short")));
        call("GetRestApis", () -> client.getRestApis(r -> { }));
        call("GetStages", () -> client.getStages(r -> r.restApiId(apiId)));
        String planId = call("CreateUsagePlan", () -> client.createUsagePlan(r -> r.name("compare-plan")
                .description("p").apiStages(stage)
                .throttle(ThrottleSettings.builder().rateLimit(5.0).burstLimit(10).build())
                .quota(QuotaSettings.builder().limit(1000).period(QuotaPeriodType.DAY).offset(0).build()))).id();
        call("GetUsagePlan", () -> client.getUsagePlan(r -> r.usagePlanId(planId)));
        call("GetUsagePlans", () -> client.getUsagePlans(r -> { }));
        // Integer-valued throttle patches: moto applies int() to them; quota patches are left out because moto
        // stores their values as strings (a moto bug). ApiGatewayClientTest covers them against our server.
        call("UpdateUsagePlan", () -> client.updateUsagePlan(r -> r.usagePlanId(planId).patchOperations(
                replace("/name", "compare-plan-2"), replace("/description", "p2"),
                replace("/throttle/burstLimit", "3"), replace("/throttle/rateLimit", "7"),
                patch(Op.REMOVE, "/apiStages", apiId + ":prod"), patch(Op.ADD, "/apiStages", apiId + ":prod"))));
        call("GetUsagePlan.NotFound", () -> client.getUsagePlan(r -> r.usagePlanId("nosuchplan")));
        call("CreateUsagePlanKey", () -> client.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(keyId)
                .keyType("API_KEY")));
        call("GetUsagePlanKeys", () -> client.getUsagePlanKeys(r -> r.usagePlanId(planId)));
        call("GetUsagePlanKey", () -> client.getUsagePlanKey(r -> r.usagePlanId(planId).keyId(keyId)));
        call("GetUsagePlans.byKey", () -> client.getUsagePlans(r -> r.keyId(keyId)));
        if (beyondMoto) {
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            call("ImportApiKeys", () -> client.importApiKeys(r -> r.format(ApiKeysFormat.CSV).body(
                    SdkBytes.fromUtf8String("Name,Key,UsagePlanIds\nimported,importedvalue0123456789," + planId))));
            call("GetUsage", () -> client.getUsage(r -> r.usagePlanId(planId).startDate(today).endDate(today)));
            call("UpdateUsage", () -> client.updateUsage(r -> r.usagePlanId(planId).keyId(keyId)
                    .patchOperations(replace("/remaining", "10"))));
        }
        call("DeleteUsagePlanKey", () -> client.deleteUsagePlanKey(r -> r.usagePlanId(planId).keyId(keyId)));
        call("DeleteUsagePlan", () -> client.deleteUsagePlan(r -> r.usagePlanId(planId)));
        call("DeleteApiKey", () -> client.deleteApiKey(r -> r.apiKey(keyId)));
        return outcomes;
    }

    private <T extends ApiGatewayResponse> T call(String operation, Supplier<T> call) {
        recorder.reset();
        try {
            T response = call.get();
            outcomes.put(operation, new Outcome(response.sdkHttpResponse().statusCode(), body(), null));
            return response;
        } catch (ApiGatewayException e) {
            outcomes.put(operation, new Outcome(e.statusCode(), null, e.awsErrorDetails().errorCode()));
            return null;
        }
    }

    private JsonNode body() {
        String raw = recorder.last();
        try {
            return raw == null || raw.isBlank() ? null : JSON.readTree(raw);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + raw, e);
        }
    }

    private static PatchOperation replace(String path, String value) {
        return patch(Op.REPLACE, path, value);
    }

    private static PatchOperation patch(Op op, String path, String value) {
        return PatchOperation.builder().op(op).path(path).value(value).build();
    }
}
