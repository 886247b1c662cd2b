package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.controlplane.ComparisonScenario.Outcome;
import dev.studentapi.testkit.MotoServer;
import dev.studentapi.testkit.RequiresMotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the same SDK calls against our control plane and against {@code moto_server}, and compares the JSON of
 * each answer field by field (names and JSON types, not values), plus status codes and error types.
 * Where moto lacks an operation (ImportApiKeys, GetUsage, UpdateUsage), our JSON is compared with the shape
 * documented in the API Gateway API reference instead.
 */
@RequiresMotoServer
class MotoComparisonTest {
    /**
     * Known, intended differences. {@code value}: we store only a hash of a key's value, so it is never shown
     * after creation (moto, like AWS, returns it on reads). {@code version}: moto invents "V1", AWS leaves it out
     * unless one was given. The Stage fields: documented in AWS's Stage shape, which moto does not fill in.
     * Empty {@code binaryMediaTypes}, {@code tags}, {@code variables} and {@code description}: moto answers them
     * empty, AWS (as recorded) leaves them out; {@code ipAddressType}: AWS answers it, moto does not.
     */
    private static final Set<String> EXEMPT = Set.of("$.value", "$.item[].value", "$.item[].version",
            "$.item[].cacheClusterStatus", "$.item[].tracingEnabled", "$.item[].createdDate",
            "$.item[].lastUpdatedDate", "$.item[].binaryMediaTypes", "$.item[].tags", "$.item[].variables",
            "$.item[].description", "$.item[].endpointConfiguration.ipAddressType");
    private static final JsonShapes SHAPES = new JsonShapes(
            Set.of("$.item[].methodSettings", "$.item[].variables", "$.item[].tags", "$.tags", "$.values"), EXEMPT);

    private static MotoServer moto;
    private static Map<String, Outcome> ours;
    private static Map<String, Outcome> theirs;

    @BeforeAll
    static void runTheScenarioAgainstBoth() {
        moto = MotoServer.start();
        try (ControlPlaneFixture fx = new ControlPlaneFixture()) {
            RawJsonRecorder recorder = new RawJsonRecorder();
            try (ApiGatewayClient client = recordingClient(fx.endpoint().toString(), ControlPlaneFixture.CREDENTIALS,
                    recorder)) {
                ours = new ComparisonScenario(client, recorder).run("student", true);
            }
        }
        RawJsonRecorder recorder = new RawJsonRecorder();
        try (ApiGatewayClient client = recordingClient(moto.endpoint().toString(),
                new AdminCredentials("x", "x"), recorder)) {
            theirs = new ComparisonScenario(client, recorder).run(studentApiOnMoto(client), false);
        }
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    private static ApiGatewayClient recordingClient(String endpoint, AdminCredentials credentials,
                                                    RawJsonRecorder recorder) {
        return ControlPlaneFixture.client(java.net.URI.create(endpoint), credentials, recorder);
    }

    /** Builds API {@code student} with a deployed stage {@code prod} on moto, as the console would. */
    private static String studentApiOnMoto(ApiGatewayClient client) {
        var api = client.createRestApi(r -> r.name("student"));
        client.putMethod(r -> r.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET")
                .authorizationType("NONE").apiKeyRequired(true));
        client.putIntegration(r -> r.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET")
                .type(IntegrationType.MOCK));
        client.createDeployment(r -> r.restApiId(api.id()).stageName("prod"));
        return api.id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CreateApiKey", "GetApiKey", "GetApiKeys", "UpdateApiKey", "GetRestApis", "GetStages",
            "CreateUsagePlan", "GetUsagePlan", "GetUsagePlans", "UpdateUsagePlan", "CreateUsagePlanKey",
            "GetUsagePlanKeys", "GetUsagePlanKey", "GetUsagePlans.byKey"})
    void answersWithTheSameJsonShapeAsMoto(String operation) {
        Outcome our = ours.get(operation);
        Outcome their = theirs.get(operation);

        assertThat(their.errorType()).as("moto's error").isNull();
        assertThat(our.errorType()).as("our error").isNull();
        assertThat(our.status()).isEqualTo(their.status());
        assertThat(SHAPES.differences(our.body(), their.body())).as(operation + "\nours:  " + our.body()
                + "\nmoto:  " + their.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GetApiKey.NotFound", "CreateApiKey.BadRequest", "GetUsagePlan.NotFound"})
    void refusesWithTheSameStatusAndErrorTypeAsMoto(String operation) {
        assertThat(ours.get(operation).errorType()).isNotNull().isEqualTo(theirs.get(operation).errorType());
        assertThat(ours.get(operation).status()).isEqualTo(theirs.get(operation).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeleteUsagePlanKey", "DeleteUsagePlan", "DeleteApiKey"})
    void deletesAnswer202LikeMoto(String operation) {
        assertThat(ours.get(operation).status()).isEqualTo(202).isEqualTo(theirs.get(operation).status());
    }

    /** Moto answers ImportApiKeys with a 500; the reference is the ApiKeyIds shape of the API reference. */
    @Test
    void importApiKeysAnswersTheDocumentedShape() throws Exception {
        assertDocumentedShape("ImportApiKeys", 201, "{\"ids\":[\"a1b2c3d4e5\"],\"warnings\":[\"text\"]}");
    }

    /** Moto has no GetUsage; the reference is the Usage shape (per-key map on the wire under {@code values}). */
    @Test
    void getUsageAnswersTheDocumentedShape() throws Exception {
        assertDocumentedShape("GetUsage", 200, "{\"usagePlanId\":\"p\",\"startDate\":\"2016-01-01\","
                + "\"endDate\":\"2016-01-02\",\"position\":null,\"values\":{\"k\":[[0,5000]]}}");
    }

    /** Moto has no UpdateUsage; it answers a Usage document too. */
    @Test
    void updateUsageAnswersTheDocumentedShape() throws Exception {
        assertDocumentedShape("UpdateUsage", 200, "{\"usagePlanId\":\"p\",\"startDate\":\"2016-01-01\","
                + "\"endDate\":\"2016-01-01\",\"position\":null,\"values\":{\"k\":[[0,5000]]}}");
    }

    private static void assertDocumentedShape(String operation, int status, String documented) throws Exception {
        JsonNode reference = new ObjectMapper().readTree(documented);
        Outcome our = ours.get(operation);

        assertThat(our.errorType()).isNull();
        assertThat(our.status()).isEqualTo(status);
        assertThat(SHAPES.differences(our.body(), reference)).as(operation + ": " + our.body()).isEmpty();
        assertThat(reference.fieldNames()).toIterable().allSatisfy(name ->
                assertThat(name.equals("position") || our.body().has(name)).as(name).isTrue());
    }
}
