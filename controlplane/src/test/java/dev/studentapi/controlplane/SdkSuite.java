package dev.studentapi.controlplane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Shared set-up for the suites that drive the control plane with the AWS SDK for Java v2: a fresh server over
 * in-memory stores per test, the data-plane gateway on the same stores, and small fixtures.
 */
abstract class SdkSuite {
    static final ApiStage STUDENT_PROD = ApiStage.builder().apiId("student").stage("prod").build();

    ControlPlaneFixture fx;
    ApiGatewayClient api;

    @BeforeEach
    void start() {
        fx = new ControlPlaneFixture();
        api = fx.client();
    }

    @AfterEach
    void stop() {
        api.close();
        fx.close();
    }

    CreateApiKeyResponse key(String name) {
        return api.createApiKey(r -> r.name(name).description("for " + name).enabled(true));
    }

    CreateUsagePlanResponse plan(String name, int quota) {
        return api.createUsagePlan(r -> r.name(name).description("plan " + name).apiStages(STUDENT_PROD)
                .throttle(ThrottleSettings.builder().rateLimit(5.0).burstLimit(10).build())
                .quota(QuotaSettings.builder().limit(quota).period(QuotaPeriodType.DAY).offset(0).build()));
    }

    String boundKey(String planId) {
        CreateApiKeyResponse key = key("bound");
        api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
        return key.value();
    }

    static PatchOperation replace(String path, String value) {
        return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
    }

    static PatchOperation op(Op op, String path, String value) {
        return PatchOperation.builder().op(op).path(path).value(value).build();
    }

    String today() {
        return LocalDate.ofInstant(fx.clock().instant(), ZoneOffset.UTC).toString();
    }

}
