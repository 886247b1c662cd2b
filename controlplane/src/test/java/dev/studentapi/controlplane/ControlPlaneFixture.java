package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.KeyValueStorage;
import dev.studentapi.core.audit.AuditTrail;
import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.core.lifecycle.KeyActivityTracker;
import dev.studentapi.core.lifecycle.KeyLifecycle;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsageService;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryAuditLog;
import dev.studentapi.testkit.fake.InMemoryKeyActivityStore;
import dev.studentapi.testkit.fake.InMemoryUsageCounter;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A control plane on a free port over in-memory stores, the data-plane gateway over the same stores (with an
 * always-allow throttle), and an AWS SDK client signed with the admin credentials.
 */
final class ControlPlaneFixture implements AutoCloseable {
    static final ApiStage STAGE = new ApiStage("student", "prod");
    static final AdminCredentials CREDENTIALS = new AdminCredentials("AKIATESTCONTROLPLANE", "test-secret-key-0123456789abcdef");

    final MutableClock clock;
    final InMemoryUsagePlanStore planStore = new InMemoryUsagePlanStore();
    final InMemoryApiKeyStore keyStore = new InMemoryApiKeyStore(planStore);
    final InMemoryUsageCounter counter = new InMemoryUsageCounter();
    final InMemoryKeyActivityStore activityStore = new InMemoryKeyActivityStore();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    final ApiKeyService keys;
    final UsagePlanService plans;
    final UsageService usage;
    final KeyActivityTracker activity;
    final KeyLifecycle lifecycle;
    final AuditTrail audit;
    final Gateway gateway;
    final ControlPlaneServer server;

    ControlPlaneFixture() {
        this(new MutableClock(Instant.now()));
    }

    ControlPlaneFixture(MutableClock clock) {
        this(clock, AdminCredentialSet.of(CREDENTIALS), KeyValueStorage.HASH_ONLY, null);
    }

    /**
     * A control plane that accepts {@code credentials}, keeps values as {@code values} says and exports
     * {@code dataPlaneOpenApi} (null: the default, a document without routes).
     */
    ControlPlaneFixture(MutableClock clock, AdminCredentialSet credentials, KeyValueStorage values,
                        String dataPlaneOpenApi) {
        this.clock = clock;
        keys = new ApiKeyService(keyStore, clock, values);
        plans = new UsagePlanService(planStore, keyStore, STAGE);
        usage = new UsageService(planStore, counter, clock);
        activity = new KeyActivityTracker(activityStore, Runnable::run);
        lifecycle = new KeyLifecycle(keys, plans, activityStore, activity, clock);
        audit = new AuditTrail(auditLog, keyStore, planStore, usage, clock);
        gateway = new Gateway(STAGE, keys, planStore, (plan, key, settings) -> ThrottleDecision.allowed(1), counter,
                clock, activity);
        ControlPlaneSettings settings = ControlPlaneSettings.defaults(credentials).withPort(0);
        server = dataPlaneOpenApi == null
                ? ControlPlaneServer.start(settings, keys, plans, usage, lifecycle, audit, clock)
                : ControlPlaneServer.start(settings, keys, plans, usage, lifecycle, audit, clock, dataPlaneOpenApi);
    }

    URI endpoint() {
        return server.endpoint();
    }

    ApiGatewayClient client() {
        return client(endpoint(), CREDENTIALS);
    }

    static ApiGatewayClient client(URI endpoint, AdminCredentials credentials, ExecutionInterceptor... interceptors) {
        return ApiGatewayClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .executionInterceptors(List.of(interceptors)))
                .build();
    }

    Admission admit(String keyValue) {
        return gateway.admit(keyValue);
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        server.close();
    }
}
