package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.usage.MethodThrottles;
import dev.studentapi.core.usage.ThrottleSettings;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings.Builder;
import software.amazon.awssdk.services.apigateway.model.UpdateUsagePlanResponse;

import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Usage plans' method throttles ({@code apiStages[].throttle}) through the AWS SDK for Java v2: set on
 * CreateUsagePlan, answered by GetUsagePlan(s) as API Gateway writes them, changed by UpdateUsagePlan's patch
 * paths in both spellings and removed; refusals in API Gateway's error shape.
 */
class MethodThrottleOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final dev.studentapi.core.usage.ApiStage PROD = new dev.studentapi.core.usage.ApiStage("student",
            "prod");

    private ControlPlaneFixture fx;
    private RawJsonRecorder wire;
    private ApiGatewayClient api;

    @BeforeEach
    void start() {
        fx = new ControlPlaneFixture();
        wire = new RawJsonRecorder();
        api = ControlPlaneFixture.client(fx.endpoint(), ControlPlaneFixture.CREDENTIALS, wire);
    }

    @AfterEach
    void stop() {
        api.close();
        fx.close();
    }

    private JsonNode last() throws Exception {
        return JSON.readTree(wire.last());
    }

    private static Consumer<Builder> throttle(double rate, int burst) {
        return t -> t.rateLimit(rate).burstLimit(burst);
    }

    private static software.amazon.awssdk.services.apigateway.model.ThrottleSettings sdk(double rate, int burst) {
        return software.amazon.awssdk.services.apigateway.model.ThrottleSettings.builder().rateLimit(rate)
                .burstLimit(burst).build();
    }

    private CreateUsagePlanResponse planWithGetThrottle() {
        return api.createUsagePlan(r -> r.name("per-method").throttle(throttle(100.0, 100))
                .apiStages(ApiStage.builder().apiId("student").stage("prod")
                        .throttle(Map.of("/students/GET", sdk(1.0, 2))).build()));
    }

    private UpdateUsagePlanResponse patch(String planId, PatchOperation... operations) {
        return api.updateUsagePlan(r -> r.usagePlanId(planId).patchOperations(operations));
    }

    private static void refused(ThrowingCallable call, String message) {
        ApiGatewayException refused = catchThrowableOfType(ApiGatewayException.class, call);
        assertThat(refused).as("the call is refused").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("BadRequestException");
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Test
    void createKeepsTheThrottleMapAndAnswersItAsApiGatewayWritesIt() throws Exception {
        CreateUsagePlanResponse created = planWithGetThrottle();

        assertThat(last().path("apiStages")).isEqualTo(JSON.readTree("""
                [{"apiId": "student", "stage": "prod",
                  "throttle": {"/students/GET": {"burstLimit": 2, "rateLimit": 1.0}}}]"""));
        assertThat(created.apiStages().get(0).throttle()).containsExactly(Map.entry("/students/GET", sdk(1.0, 2)));
        assertThat(fx.plans.get(created.id()).methodThrottles(PROD))
                .isEqualTo(new MethodThrottles(Map.of("/students/GET", new ThrottleSettings(1, 2))));
    }

    @Test
    void getAndListAnswerTheThrottleMapAndLeaveItOutOfStagesWithoutOne() throws Exception {
        CreateUsagePlanResponse created = planWithGetThrottle();
        api.createUsagePlan(r -> r.name("plain").apiStages(SdkSuite.STUDENT_PROD));

        GetUsagePlanResponse got = api.getUsagePlan(r -> r.usagePlanId(created.id()));
        assertThat(got.apiStages().get(0).throttle()).containsExactly(Map.entry("/students/GET", sdk(1.0, 2)));

        var listed = api.getUsagePlans(r -> { }).items();
        assertThat(listed).hasSize(2);
        for (var plan : listed) {
            assertThat(plan.apiStages().get(0).hasThrottle()).as(plan.name())
                    .isEqualTo(plan.name().equals("per-method"));
        }
    }

    @Nested
    class Patch {
        @Test
        void replacesTheNumbersOfAMethodAtApiGatewaysPlainPath() {
            String id = planWithGetThrottle().id();

            UpdateUsagePlanResponse updated = patch(id,
                    SdkSuite.replace("/apiStages/student:prod/throttle//students/GET/rateLimit", "5"),
                    SdkSuite.replace("/apiStages/student:prod/throttle//students/GET/burstLimit", "7"));

            assertThat(updated.apiStages().get(0).throttle()).containsExactly(Map.entry("/students/GET", sdk(5.0, 7)));
            assertThat(fx.plans.get(id).methodThrottles(PROD).byMethod())
                    .containsExactly(Map.entry("/students/GET", new ThrottleSettings(5, 7)));
        }

        @Test
        void addsAMethodAtTheJsonPointerEscapedPath() {
            String id = planWithGetThrottle().id();

            patch(id, SdkSuite.op(Op.ADD, "/apiStages/student:prod/throttle/~1students~1{studentid}~1PUT/rateLimit",
                            "0.5"),
                    SdkSuite.op(Op.ADD, "/apiStages/student:prod/throttle/~1students~1{studentid}~1PUT/burstLimit",
                            "1"));

            assertThat(api.getUsagePlan(r -> r.usagePlanId(id)).apiStages().get(0).throttle()).containsOnly(
                    Map.entry("/students/GET", sdk(1.0, 2)), Map.entry("/students/{studentid}/PUT", sdk(0.5, 1)));
        }

        @Test
        void removesOneMethodThenEveryMethodOfTheStage() throws Exception {
            String id = api.createUsagePlan(r -> r.name("two").apiStages(ApiStage.builder().apiId("student")
                    .stage("prod").throttle(Map.of("/students/GET", sdk(1.0, 2), "/*/*", sdk(10.0, 20))).build()))
                    .id();

            UpdateUsagePlanResponse one = patch(id,
                    SdkSuite.op(Op.REMOVE, "/apiStages/student:prod/throttle//students/GET", null));
            assertThat(one.apiStages().get(0).throttle()).containsOnlyKeys("/*/*");

            patch(id, SdkSuite.op(Op.REMOVE, "/apiStages/student:prod/throttle", null));
            assertThat(last().path("apiStages")).isEqualTo(JSON.readTree("[{\"apiId\":\"student\",\"stage\":\"prod\"}]"));
            assertThat(fx.plans.get(id).methodThrottles()).isEmpty();
        }

        @Test
        void removingTheStageRemovesItsMethodThrottles() {
            String id = planWithGetThrottle().id();

            patch(id, SdkSuite.op(Op.REMOVE, "/apiStages", "student:prod"));

            assertThat(fx.plans.get(id).apiStages()).isEmpty();
            assertThat(fx.plans.get(id).methodThrottles()).isEmpty();
        }
    }

    @Nested
    class Refusals {
        @Test
        void aKeyThatIsNoResourcePathAndMethod() {
            refused(() -> api.createUsagePlan(r -> r.name("bad").apiStages(ApiStage.builder().apiId("student")
                            .stage("prod").throttle(Map.of("students/FETCH", sdk(1.0, 1))).build())),
                    "Invalid method throttle key 'students/FETCH': expected {resourcePath}/{httpMethod}, such as "
                            + "/students/GET, or /*/* for every method");
            assertThat(fx.plans.list()).isEmpty();
        }

        @Test
        void aNewMethodWithOnlyOneNumberChangesNothing() {
            String id = planWithGetThrottle().id();

            refused(() -> patch(id, SdkSuite.replace("/apiStages/student:prod/throttle//students/POST/rateLimit", "3")),
                    "A throttle needs both rateLimit and burstLimit.");
            assertThat(fx.plans.get(id).methodThrottles(PROD).byMethod()).containsOnlyKeys("/students/GET");
        }

        @Test
        void aStageTheplanDoesNotCover() {
            String id = planWithGetThrottle().id();

            refused(() -> patch(id, SdkSuite.replace("/apiStages/student:beta/throttle//students/GET/rateLimit", "3")),
                    "Invalid API Stage {api: student, stage: beta} specified for usageplan " + id);
        }

        @Test
        void removingAMethodWithoutAThrottle() {
            String id = planWithGetThrottle().id();

            refused(() -> patch(id, SdkSuite.op(Op.REMOVE, "/apiStages/student:prod/throttle//backup/POST", null)),
                    "No method throttle /backup/POST on API Stage student:prod");
        }

        @Test
        void aNegativeBurstOfAMethod() {
            String id = planWithGetThrottle().id();

            refused(() -> patch(id, SdkSuite.replace("/apiStages/student:prod/throttle//students/GET/burstLimit", "0")),
                    "burstLimit must be at least 1");
        }
    }
}
