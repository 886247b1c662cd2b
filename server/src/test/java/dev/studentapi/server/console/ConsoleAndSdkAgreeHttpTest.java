package dev.studentapi.server.console;

import dev.studentapi.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.studentapi.server.console.ConsoleClient.json;
import static dev.studentapi.server.console.ConsoleSessionHttpTest.ADMIN;
import static dev.studentapi.server.console.ConsoleSessionHttpTest.ADMIN_ID;
import static dev.studentapi.server.console.ConsoleSessionHttpTest.ADMIN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's calls are the control plane's own operations: what one side changes, the other sees at once. */
class ConsoleAndSdkAgreeHttpTest {

    @TempDir
    Path dataDir;
    private TestServer server;
    private ApiGatewayClient sdk;
    private ConsoleClient console;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, ADMIN);
        sdk = ApiGatewayClient.builder()
                .endpointOverride(server.server().controlPlaneEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_ID, ADMIN_SECRET)))
                .build();
        console = new ConsoleClient(server.server().controlPlaneEndpoint());
        assertThat(console.signIn(ADMIN_ID, ADMIN_SECRET).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        sdk.close();
        server.close();
    }

    @Test
    void keysPlansAndUsageChangedOnOneSideAreWhatTheOtherSideReads() {
        HttpResponse<String> created = console.call("POST", "/apikeys",
                "{\"name\":\"console-made\",\"description\":\"from the console\",\"enabled\":true}");
        assertThat(created.statusCode()).isEqualTo(201);
        String keyId = json(created).get("id").asText();
        String value = json(created).get("value").asText();
        GetApiKeyResponse seen = sdk.getApiKey(b -> b.apiKey(keyId));
        assertThat(seen.name()).isEqualTo("console-made");
        assertThat(seen.description()).isEqualTo("from the console");
        assertThat(seen.enabled()).isTrue();

        CreateUsagePlanResponse plan = sdk.createUsagePlan(b -> b.name("sdk-plan")
                .throttle(t -> t.rateLimit(50.0).burstLimit(100))
                .quota(q -> q.limit(10).period(QuotaPeriodType.DAY))
                .apiStages(ApiStage.builder().apiId("student").stage("prod").build()));
        assertThat(json(console.call("GET", "/usageplans/" + plan.id(), null)).get("quota").get("limit").asLong())
                .isEqualTo(10);

        assertThat(console.call("POST", "/usageplans/" + plan.id() + "/keys",
                "{\"keyId\":\"" + keyId + "\",\"keyType\":\"API_KEY\"}").statusCode()).isEqualTo(201);
        assertThat(sdk.getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items()).extracting(k -> k.id()).containsExactly(keyId);
        assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(200);

        sdk.updateApiKey(b -> b.apiKey(keyId).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/enabled").value("false").build()));
        assertThat(json(console.call("GET", "/apikeys/" + keyId, null)).get("enabled").asBoolean()).isFalse();
        assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(403);

        assertThat(console.call("PATCH", "/usageplans/" + plan.id() + "/keys/" + keyId + "/usage",
                "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/remaining\",\"value\":\"7\"}]}").statusCode())
                .isEqualTo(200);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(sdk.getUsage(b -> b.usagePlanId(plan.id()).keyId(keyId).startDate(today).endDate(today)).items()
                .get(keyId)).containsExactly(java.util.List.of(1L, 7L));

        HttpResponse<String> refused = console.call("PATCH", "/usageplans/" + plan.id(),
                "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/throttle/burstLimit\",\"value\":\"0\"}]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("x-studentapi-code")).hasValue("THROTTLE_BURST_INVALID");
        assertThat(sdk.getUsagePlan(b -> b.usagePlanId(plan.id())).throttle().burstLimit()).isEqualTo(100);

        assertThat(console.call("DELETE", "/apikeys/" + keyId, null).statusCode()).isEqualTo(202);
        assertThat(sdk.getApiKeys().items()).extracting(ApiKey::name).doesNotContain("console-made");
    }
}
