package dev.studentapi.server;

import dev.studentapi.core.RefusalCode;
import dev.studentapi.server.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The AWS SDK drives the running server's control plane, and the data plane obeys each change at once. */
class ControlPlaneHttpTest {

    @TempDir
    Path dataDir;
    private TestServer server;
    private ApiGatewayClient apigateway;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, Map.of("ADMIN_ACCESS_KEY_ID", "AKIDSTUDENTADMIN",
                "ADMIN_SECRET_ACCESS_KEY", "admin-secret-for-tests-only"));
        apigateway = ApiGatewayClient.builder()
                .endpointOverride(server.server().controlPlaneEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDSTUDENTADMIN", "admin-secret-for-tests-only")))
                .build();
    }

    @AfterEach
    void stop() {
        apigateway.close();
        server.close();
    }

    @Test
    void keysPlansAndUsageChangedThroughTheSdkApplyToTheNextRequest() {
        assertThat(server.server().controlPlaneEndpoint().getPort()).isNotEqualTo(server.server().port());
        CreateApiKeyResponse key = apigateway.createApiKey(b -> b.name("sdk-key").enabled(true));
        assertThat(key.value()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(403);

        CreateUsagePlanResponse plan = apigateway.createUsagePlan(b -> b.name("sdk-plan")
                .throttle(t -> t.rateLimit(100.0).burstLimit(100))
                .quota(q -> q.limit(3).period(QuotaPeriodType.DAY))
                .apiStages(ApiStage.builder().apiId("student").stage("prod").build()));
        apigateway.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(200);

        apigateway.updateApiKey(b -> b.apiKey(key.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/enabled").value("false").build()));
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(403);
        apigateway.updateApiKey(b -> b.apiKey(key.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/enabled").value("true").build()));
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(200);

        apigateway.updateUsagePlan(b -> b.usagePlanId(plan.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/quota/limit").value("2").build()));
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(429);

        apigateway.updateUsage(b -> b.usagePlanId(plan.id()).keyId(key.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/remaining").value("1").build()));
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(200);
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(429);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        GetUsageResponse usage = apigateway.getUsage(b -> b.usagePlanId(plan.id()).startDate(today).endDate(today));
        assertThat(usage.items().get(key.id())).containsExactly(java.util.List.of(3L, 0L));

        apigateway.deleteUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()));
        assertThat(server.get("/prod/students", key.value()).statusCode()).isEqualTo(403);
    }

    @Test
    void theCliAndTheControlPlaneRefuseTheSameInvalidPlansWithTheSameCode() {
        ApiStage prod = ApiStage.builder().apiId("student").stage("prod").build();
        ApiGatewayException rateOnly = sdkRefusal(() -> apigateway.createUsagePlan(b -> b.name("half")
                .throttle(t -> t.rateLimit(5.0)).apiStages(prod)));
        assertThat(rateOnly).isInstanceOf(BadRequestException.class);
        assertThat(codeOf(rateOnly)).isEqualTo(RefusalCode.THROTTLE_INCOMPLETE.name())
                .isEqualTo(cliCode("plans", "create", "--name", "half", "--rate", "5"));

        ApiGatewayException unserved = sdkRefusal(() -> apigateway.createUsagePlan(b -> b.name("dev")
                .apiStages(ApiStage.builder().apiId("student").stage("dev").build())));
        assertThat(unserved).isInstanceOf(NotFoundException.class);
        assertThat(unserved.awsErrorDetails().errorMessage()).isEqualTo("Invalid stage identifier specified");
        assertThat(codeOf(unserved)).isEqualTo(RefusalCode.STAGE_NOT_SERVED.name())
                .isEqualTo(cliCode("plans", "create", "--name", "dev", "--stage", "student:dev"));

        assertThat(apigateway.getUsagePlans().items()).extracting(UsagePlan::name).containsExactly("StudentUsagePlan");
    }

    private static ApiGatewayException sdkRefusal(Runnable call) {
        ApiGatewayException refused = catchThrowableOfType(ApiGatewayException.class, call::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    private static String codeOf(ApiGatewayException refused) {
        return refused.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-studentapi-code").orElse("none");
    }

    /** Runs the command line on the server's data directory and reads the code out of its one error line. */
    private String cliCode(String... args) {
        StringWriter err = new StringWriter();
        int status = Main.run(args, Map.of("DATA_DIR", dataDir.toString()), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(status).as(err.toString()).isEqualTo(2);
        Matcher line = Pattern.compile("^error: ([A-Z_]+): .+\\R$").matcher(err.toString());
        assertThat(line.matches()).as(err.toString()).isTrue();
        return line.group(1);
    }
}
