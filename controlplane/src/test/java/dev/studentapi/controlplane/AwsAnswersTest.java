package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.UpdateApiKeyResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The answers that must be API Gateway's exactly: which members are present and which absent, tags, the rules of
 * names, values and descriptions in API Gateway's words, UpdateApiKey's paths, customer ids, the lists that API
 * Gateway answers empty, the API-stage texts of UpdateUsagePlan and GetRestApi's text. Each case checks the raw
 * JSON on the wire as well as what the SDK reads.
 */
class AwsAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWENTY = "abcdefghij0123456789";

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

    private JsonNode last() {
        try {
            return JSON.readTree(wire.last());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + wire.last(), e);
        }
    }

    /** The refusal the call ends in, checked for API Gateway's status, error type and exact message. */
    private static void refused(ThrowingCallable call, int status, String errorType, String message) {
        ApiGatewayException refused = catchThrowableOfType(ApiGatewayException.class, call);
        assertThat(refused).as("the call is refused").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(status);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(errorType);
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Nested
    class CreateApiKey {
        @Test
        void withoutANameOrWithAnEmptyOneSucceedsAndAnswersNoName() {
            CreateApiKeyResponse unnamed = api.createApiKey(r -> r.enabled(true));
            JsonNode unnamedJson = last();
            CreateApiKeyResponse empty = api.createApiKey(r -> r.name("").enabled(true));
            JsonNode emptyJson = last();

            assertThat(unnamed.name()).isNull();
            assertThat(empty.name()).isNull();
            assertThat(unnamedJson.has("name")).isFalse();
            assertThat(emptyJson.has("name")).isFalse();
            assertThat(unnamed.value()).hasSize(40);
            api.getApiKey(r -> r.apiKey(empty.id()));
            assertThat(last().has("name")).isFalse();
        }

        @Test
        void leavesOutEveryUnsetOptionalMember() {
            CreateApiKeyResponse created = api.createApiKey(r -> r.name("bare"));
            JsonNode createdJson = last();
            api.getApiKey(r -> r.apiKey(created.id()));
            JsonNode got = last();

            for (JsonNode answer : new JsonNode[] {createdJson, got}) {
                assertThat(answer.has("description")).isFalse();
                assertThat(answer.has("customerId")).isFalse();
                assertThat(answer.has("tags")).isFalse();
                assertThat(answer.path("enabled").asBoolean(true)).isFalse();
            }
            assertThat(createdJson.path("value").asText()).hasSize(40);
            assertThat(got.has("value")).isFalse();
        }

        @Test
        void aNameOverTheLimitIsRefusedInApiGatewaysWords() {
            refused(() -> api.createApiKey(r -> r.name("n".repeat(1025))), 400, "BadRequestException",
                    "Invalid API Key name, can be at most 1024 characters.");
            assertThat(api.createApiKey(r -> r.name("n".repeat(1024))).name()).hasSize(1024);
        }

        @Test
        void valuesOfTheWrongLengthAreRefusedAndAnEmptyValueIsGenerated() {
            refused(() -> api.createApiKey(r -> r.name("short").value(TWENTY.substring(1))), 400,
                    "BadRequestException", "API Key value should be at least 20 characters");
            refused(() -> api.createApiKey(r -> r.name("long").value("v".repeat(129))), 400,
                    "BadRequestException", "API Key value exceeds maximum size of 128 characters");
            assertThat(api.createApiKey(r -> r.name("exact").value(TWENTY)).value()).isEqualTo(TWENTY);
            CreateApiKeyResponse generated = api.createApiKey(r -> r.name("generated").value(""));
            assertThat(generated.value()).hasSize(40);
            assertThat(fx.keys.findByValue(generated.value())).isPresent();
            assertThat(fx.keys.list()).extracting(k -> k.name()).containsExactly("exact", "generated");
        }

        @Test
        void aDescriptionOverTheLimitIsRefusedOnCreateAndOnUpdate() {
            String tooLong = "d".repeat(125_001);
            refused(() -> api.createApiKey(r -> r.name("k").description(tooLong)), 400, "BadRequestException",
                    "Invalid API Key description specified.");
            CreateApiKeyResponse key = api.createApiKey(r -> r.name("k").description("d".repeat(125_000)));
            refused(() -> api.updateApiKey(r -> r.apiKey(key.id())
                            .patchOperations(SdkSuite.replace("/description", tooLong))), 400, "BadRequestException",
                    "Invalid API Key description specified.");
            assertThat(fx.keys.get(key.id()).description()).hasSize(125_000);
        }

        @Test
        void echoesTagsAndCustomerId() {
            CreateApiKeyResponse created = api.createApiKey(r -> r.name("tagged").customerId("cust-1")
                    .tags(Map.of("team", "registry", "env", "test")));
            JsonNode json = last();

            assertThat(created.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "registry", "env", "test"));
            assertThat(created.customerId()).isEqualTo("cust-1");
            assertThat(json.path("tags").path("team").asText()).isEqualTo("registry");
            assertThat(api.getApiKey(r -> r.apiKey(created.id())).tags()).containsEntry("env", "test");
        }
    }

    @Nested
    class UpdateApiKey {
        @Test
        void enabledWithAnyValueButTrueIsFalse() {
            CreateApiKeyResponse key = api.createApiKey(r -> r.name("k").enabled(true));

            assertThat(api.updateApiKey(r -> r.apiKey(key.id()).patchOperations(
                    SdkSuite.replace("/enabled", "yes"))).enabled()).isFalse();
            assertThat(api.updateApiKey(r -> r.apiKey(key.id()).patchOperations(
                    SdkSuite.replace("/enabled", "true"))).enabled()).isTrue();
            assertThat(api.updateApiKey(r -> r.apiKey(key.id()).patchOperations(
                    SdkSuite.replace("/enabled", null))).enabled()).isFalse();
            assertThat(fx.keys.get(key.id()).enabled()).isFalse();
        }

        @Test
        void anInvalidPathIsRefusedListingTheAllowedOnes() {
            CreateApiKeyResponse key = api.createApiKey(r -> r.name("k"));

            refused(() -> api.updateApiKey(r -> r.apiKey(key.id()).patchOperations(SdkSuite.replace("/id", "x"))),
                    400, "BadRequestException", "Invalid patch path  '/id' specified for op 'replace'. Must be one "
                            + "of: [/description, /enabled, /name, /customerId]");
            assertThat(fx.keys.get(key.id()).id()).isEqualTo(key.id());
        }

        @Test
        void answersTagsAsAnEmptyMapAndSetsTheCustomerId() {
            CreateApiKeyResponse key = api.createApiKey(r -> r.name("k"));

            UpdateApiKeyResponse updated = api.updateApiKey(r -> r.apiKey(key.id())
                    .patchOperations(SdkSuite.replace("/customerId", "cust-7")));
            JsonNode json = last();

            assertThat(updated.customerId()).isEqualTo("cust-7");
            assertThat(json.path("tags").isObject()).isTrue();
            assertThat(json.path("tags").isEmpty()).isTrue();
            assertThat(json.has("description")).isFalse();
            assertThat(api.getApiKeys(r -> r.customerId("cust-7")).items()).extracting(k -> k.id())
                    .containsExactly(key.id());
            assertThat(api.getApiKeys(r -> r.customerId("other")).items()).isEmpty();
        }
    }

    @Nested
    class Lists {
        @Test
        void getApiKeysWithANegativeLimitIsAnEmptyPage() {
            api.createApiKey(r -> r.name("k"));

            assertThat(api.getApiKeys(r -> r.limit(-1)).items()).isEmpty();
            assertThat(last().path("item").isArray()).isTrue();
            assertThat(last().has("position")).isFalse();
        }

        @Test
        void getUsagePlanKeysOfAnUnknownPlanIsEmpty() {
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId("nosuchplan")).items()).isEmpty();
            assertThat(last().path("item").isArray()).isTrue();
        }
    }

    @Nested
    class UsagePlans {
        private CreateUsagePlanResponse plan() {
            return api.createUsagePlan(r -> r.name("p").apiStages(SdkSuite.STUDENT_PROD));
        }

        @Test
        void leaveOutAnEmptyDescriptionAndAnswerTagsWhereApiGatewayDoes() {
            CreateUsagePlanResponse created = plan();
            assertThat(last().has("description")).isFalse();
            assertThat(last().has("tags")).isFalse();

            api.getUsagePlan(r -> r.usagePlanId(created.id()));
            assertThat(last().has("description")).isFalse();
            assertThat(last().path("tags").isObject()).isTrue();
            assertThat(last().path("tags").isEmpty()).isTrue();

            api.updateUsagePlan(r -> r.usagePlanId(created.id()).patchOperations(SdkSuite.replace("/name", "q")));
            assertThat(last().path("tags").isObject()).isTrue();
        }

        @Test
        void echoTagsGivenOnCreate() {
            CreateUsagePlanResponse created = api.createUsagePlan(r -> r.name("p").tags(Map.of("tier", "gold")));

            assertThat(created.tags()).containsExactlyEntriesOf(Map.of("tier", "gold"));
            assertThat(api.getUsagePlan(r -> r.usagePlanId(created.id())).tags()).containsEntry("tier", "gold");
        }

        @Test
        void removingAStageWithoutOrWithAMalformedValueIsAnInvalidApiStage() {
            CreateUsagePlanResponse created = plan();

            refused(() -> api.updateUsagePlan(r -> r.usagePlanId(created.id())
                            .patchOperations(SdkSuite.op(Op.REMOVE, "/apiStages", null))), 400,
                    "BadRequestException", "Invalid API Stage specified");
            refused(() -> api.updateUsagePlan(r -> r.usagePlanId(created.id())
                            .patchOperations(SdkSuite.op(Op.REMOVE, "/apiStages", "nocolon"))), 400,
                    "BadRequestException", "Invalid API Stage specified");
            assertThat(fx.plans.get(created.id()).apiStages()).hasSize(1);
        }

        @Test
        void removingAStageNotOnThePlanNamesItAndThePlan() {
            CreateUsagePlanResponse created = api.createUsagePlan(r -> r.name("stageless"));

            refused(() -> api.updateUsagePlan(r -> r.usagePlanId(created.id())
                            .patchOperations(SdkSuite.op(Op.REMOVE, "/apiStages", "student:prod"))), 400,
                    "BadRequestException", "Invalid API Stage {api: student, stage: prod} specified for usageplan "
                            + created.id());
        }
    }

    @Nested
    class Tagging {
        @Test
        void tagsUntagsAndListsTheTagsOfAKeyAndOfAPlan() {
            CreateApiKeyResponse key = api.createApiKey(r -> r.name("k"));
            CreateUsagePlanResponse plan = api.createUsagePlan(r -> r.name("p"));
            String keyArn = "arn:aws:apigateway:us-east-1::/apikeys/" + key.id();
            String planArn = "arn:aws:apigateway:us-east-1::/usageplans/" + plan.id();

            api.tagResource(r -> r.resourceArn(keyArn).tags(Map.of("a", "1", "b", "2")));
            api.tagResource(r -> r.resourceArn(planArn).tags(Map.of("tier", "gold")));
            api.untagResource(r -> r.resourceArn(keyArn).tagKeys("a", "never-there"));

            assertThat(api.getTags(r -> r.resourceArn(keyArn)).tags()).containsExactlyEntriesOf(Map.of("b", "2"));
            assertThat(api.getTags(r -> r.resourceArn(planArn)).tags()).containsExactlyEntriesOf(
                    Map.of("tier", "gold"));
            assertThat(fx.keys.get(key.id()).tags()).containsExactlyEntriesOf(Map.of("b", "2"));
            assertThat(api.getUsagePlan(r -> r.usagePlanId(plan.id())).tags()).containsEntry("tier", "gold");
        }

        @Test
        void anUnknownKeyIsNotFoundAndAForeignArnABadRequest() {
            refused(() -> api.getTags(r -> r.resourceArn("arn:aws:apigateway:us-east-1::/apikeys/nosuchkey0")),
                    404, "NotFoundException", "Invalid API Key identifier specified");
            ApiGatewayException foreign = catchThrowableOfType(ApiGatewayException.class, () -> api.getTags(
                    r -> r.resourceArn("arn:aws:apigateway:us-east-1::/restapis/student")));
            assertThat(foreign.statusCode()).isEqualTo(400);
        }

        @Test
        void aTagKeyStartingWithAwsIsRefused() {
            CreateApiKeyResponse key = api.createApiKey(r -> r.name("k"));

            ApiGatewayException refused = catchThrowableOfType(ApiGatewayException.class, () -> api.tagResource(
                    r -> r.resourceArn("arn:aws:apigateway:us-east-1::/apikeys/" + key.id())
                            .tags(Map.of("aws:owner", "x"))));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(fx.keys.get(key.id()).tags()).isEmpty();
        }
    }

    @Nested
    class RestApis {
        @Test
        void anUnknownApiIsNamedWithTheAccount() {
            refused(() -> api.getRestApi(r -> r.restApiId("other")), 404, "NotFoundException",
                    "Invalid API identifier specified 123456789012:other");
        }

        @Test
        void leaveOutEmptyMembersAndAnswerTheIpAddressType() {
            api.getRestApi(r -> r.restApiId("student"));
            JsonNode restApi = last();
            api.getStage(r -> r.restApiId("student").stageName("prod"));
            JsonNode stage = last();

            assertThat(restApi.has("binaryMediaTypes")).isFalse();
            assertThat(restApi.has("tags")).isFalse();
            assertThat(restApi.path("endpointConfiguration").path("ipAddressType").asText()).isEqualTo("ipv4");
            assertThat(restApi.path("endpointConfiguration").path("types").get(0).asText()).isEqualTo("REGIONAL");
            assertThat(stage.has("description")).isFalse();
            assertThat(stage.has("variables")).isFalse();
            assertThat(stage.path("stageName").asText()).isEqualTo("prod");
        }
    }
}
