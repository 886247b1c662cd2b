package dev.studentapi.ratelimit;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.core.gateway.RateLimit;
import dev.studentapi.core.lifecycle.KeyActivityTracker;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaInput;
import dev.studentapi.core.usage.ThrottleInput;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanDraft;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryKeyActivityStore;
import dev.studentapi.testkit.fake.InMemoryUsageCounter;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's stage, plan and method buckets on real token buckets, and the limits each verdict reports. */
class GatewayThrottlesTest {

    private static final ApiStage STAGE = new ApiStage("student", "prod");

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final InMemoryUsagePlanStore planStore = new InMemoryUsagePlanStore();
    private final InMemoryApiKeyStore keyStore = new InMemoryApiKeyStore(planStore);
    private final ApiKeyService keys = new ApiKeyService(keyStore, clock);
    private final UsagePlanService plans = new UsagePlanService(planStore, keyStore, STAGE);

    private Gateway gateway(ThrottleSettings stageThrottle) {
        return new Gateway(STAGE, keys, planStore, new LocalThrottle(clock), new InMemoryUsageCounter(), clock,
                new KeyActivityTracker(new InMemoryKeyActivityStore(), Runnable::run), stageThrottle);
    }

    private UsagePlan plan(ThrottleInput throttle, QuotaInput quota, Map<String, ThrottleInput> methods) {
        return plans.create(new UsagePlanDraft("plan", "", throttle, quota, List.of(STAGE), Map.of(),
                Map.of(STAGE, methods)));
    }

    private String keyOn(UsagePlan plan) {
        IssuedApiKey key = keys.create("key", "", true, Optional.empty());
        plans.bind(plan.id(), key.key().id());
        return key.value();
    }

    @Nested
    class PerMethod {
        private final Gateway gateway = gateway(null);
        private final String key = keyOn(plan(new ThrottleInput(100.0, 100), QuotaInput.NONE,
                Map.of("/students/GET", new ThrottleInput(1.0, 2))));

        @Test
        void aMethodAtItsBurstIsRefusedWhileOtherMethodsPass() {
            assertThat(gateway.admit(key, "/students", "GET")).isInstanceOf(Admission.Admitted.class);
            assertThat(gateway.admit(key, "/students", "GET")).isInstanceOf(Admission.Admitted.class);

            assertThat(gateway.admit(key, "/students", "GET")).isInstanceOf(Admission.Throttled.class);
            assertThat(gateway.admit(key, "/students", "POST")).isInstanceOf(Admission.Admitted.class);
            assertThat(gateway.admit(key, "/students/{studentid}", "GET")).isInstanceOf(Admission.Admitted.class);

            clock.advance(Duration.ofSeconds(1));
            assertThat(gateway.admit(key, "/students", "GET")).isInstanceOf(Admission.Admitted.class);
        }

        @Test
        void theMethodsRefusalSaysWhenItsNextTokenComes() {
            gateway.admit(key, "/students", "GET");
            gateway.admit(key, "/students", "GET");

            Admission.Throttled throttled = (Admission.Throttled) gateway.admit(key, "/students", "GET");

            assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(throttled.limits()).extracting(RateLimit::policy).containsExactly("throttle", "method");
            assertThat(throttled.limits().get(1)).isEqualTo(
                    new RateLimit("method", 2, Duration.ofSeconds(2), 0, Duration.ofSeconds(1)));
        }
    }

    @Test
    void allMethodsGivesEachMethodABucketOfItsOwnUnlessItHasOne() {
        Gateway gateway = gateway(null);
        String key = keyOn(plan(ThrottleInput.NONE, QuotaInput.NONE, Map.of(
                "/*/*", new ThrottleInput(1.0, 1), "/students/POST", new ThrottleInput(1.0, 3))));

        assertThat(gateway.admit(key, "/students", "GET")).isInstanceOf(Admission.Admitted.class);
        assertThat(gateway.admit(key, "/students", "GET")).isInstanceOf(Admission.Throttled.class);
        assertThat(gateway.admit(key, "/backup", "POST")).isInstanceOf(Admission.Admitted.class);
        assertThat(gateway.admit(key, "/backup", "POST")).isInstanceOf(Admission.Throttled.class);
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.admit(key, "/students", "POST")).isInstanceOf(Admission.Admitted.class);
        }
        assertThat(gateway.admit(key, "/students", "POST")).isInstanceOf(Admission.Throttled.class);
    }

    @Test
    void theStageBucketIsSharedByEveryKey() {
        Gateway gateway = gateway(new ThrottleSettings(1, 3));
        UsagePlan plan = plan(new ThrottleInput(100.0, 100), QuotaInput.NONE, Map.of());
        String first = keyOn(plan);
        String second = keyOn(plan);

        assertThat(gateway.admit(first)).isInstanceOf(Admission.Admitted.class);
        assertThat(gateway.admit(second)).isInstanceOf(Admission.Admitted.class);
        assertThat(gateway.admit(first)).isInstanceOf(Admission.Admitted.class);

        Admission refused = gateway.admit(second);
        assertThat(refused).isInstanceOf(Admission.Throttled.class);
        assertThat(refused.limits()).extracting(RateLimit::policy).containsExactly("stage");
        assertThat(gateway.admit(first)).isInstanceOf(Admission.Throttled.class);
    }

    @Test
    void anAdmittedRequestReportsEveryLimitItWasMeasuredAgainst() {
        Gateway gateway = gateway(new ThrottleSettings(10_000, 5_000));
        String key = keyOn(plan(new ThrottleInput(5.0, 10), new QuotaInput(1000L, "DAY", 0),
                Map.of("/students/GET", new ThrottleInput(2.0, 4))));

        Admission.Admitted admitted = (Admission.Admitted) gateway.admit(key, "/students", "GET");

        assertThat(admitted.limits()).containsExactly(
                new RateLimit("stage", 5_000, Duration.ofMillis(500), 4_999, Duration.ofNanos(100_000)),
                new RateLimit("throttle", 10, Duration.ofSeconds(2), 9, Duration.ofMillis(200)),
                new RateLimit("method", 4, Duration.ofSeconds(2), 3, Duration.ofMillis(500)),
                new RateLimit("quota", 1000, Duration.ofDays(1), 999, Duration.ofHours(14)));
    }

    @Test
    void aSpentQuotaReportsNothingLeftUntilTheWindowEnds() {
        Gateway gateway = gateway(null);
        String key = keyOn(plan(ThrottleInput.NONE, new QuotaInput(1L, "DAY", 0), Map.of()));
        gateway.admit(key);

        Admission.QuotaExceeded exceeded = (Admission.QuotaExceeded) gateway.admit(key);

        assertThat(exceeded.limits()).containsExactly(
                new RateLimit("quota", 1, Duration.ofDays(1), 0, Duration.ofHours(14)));
        assertThat(exceeded.retryAfter()).isEqualTo(Duration.ofHours(14));
    }
}
