package dev.studentapi.core.gateway;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.lifecycle.KeyActivity;
import dev.studentapi.core.lifecycle.KeyActivityTracker;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaInput;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleInput;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsageDays;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsageService;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryKeyActivityStore;
import dev.studentapi.testkit.fake.InMemoryUsageCounter;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest {

    private static final ApiStage STAGE = new ApiStage("student", "prod");

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final InMemoryUsagePlanStore planStore = new InMemoryUsagePlanStore();
    private final InMemoryApiKeyStore keyStore = new InMemoryApiKeyStore(planStore);
    private final InMemoryUsageCounter counter = new InMemoryUsageCounter();
    private final ApiKeyService keys = new ApiKeyService(keyStore, clock);
    private final UsagePlanService plans = new UsagePlanService(planStore, keyStore, STAGE);
    private final UsageService usage = new UsageService(planStore, counter, clock);
    private final InMemoryKeyActivityStore activity = new InMemoryKeyActivityStore();
    /** Lets through as many requests as tokens are left, so that tests control the bucket by hand. */
    private final AtomicInteger tokens = new AtomicInteger(1000);
    private final Gateway gateway = new Gateway(STAGE, keys, planStore,
            (plan, key, settings) -> tokens.getAndDecrement() > 0
                    ? ThrottleDecision.allowed(tokens.get()) : ThrottleDecision.rejected(Duration.ofMillis(200)),
            counter, clock, new KeyActivityTracker(activity, Runnable::run));

    private IssuedApiKey key;
    private UsagePlan plan;

    @BeforeEach
    void bootstrap() {
        key = new GatewayBootstrap(keys, plans).ensureDefaults(gateway, new BootstrapSettings(
                new ThrottleSettings(5, 10), new QuotaSettings(3, QuotaPeriod.DAY, 0))).orElseThrow();
        plan = plans.list().get(0);
    }

    @Test
    void bootstrapCreatesTheReferenceKeyAndPlanOnce() {
        assertThat(key.key().name()).isEqualTo("StudentApiKey");
        assertThat(key.value()).matches("[A-Za-z0-9]{40}");
        assertThat(plan.name()).isEqualTo("StudentUsagePlan");
        assertThat(plan.apiStages()).containsExactly(STAGE);
        assertThat(plans.keyIds(plan.id())).containsExactly(key.key().id());
        assertThat(new GatewayBootstrap(keys, plans).ensureDefaults(gateway,
                new BootstrapSettings(new ThrottleSettings(1, 1), null))).isEmpty();
        assertThat(keys.list()).hasSize(1);
    }

    @Test
    void admitsABoundEnabledKeyAndChargesIt() {
        assertThat(gateway.admit(key.value())).isInstanceOfSatisfying(Admission.Admitted.class, admitted -> {
            assertThat(admitted.keyId()).isEqualTo(key.key().id());
            assertThat(admitted.planId()).isEqualTo(plan.id());
        });
        assertThat(usage.remaining(plan.id(), key.key().id())).isEqualTo(2);
    }

    @Nested
    class Expiry {
        @Test
        void admitsAKeyUntilItsExpirationTimeAndForbidsItFromThen() {
            activity.setExpiration(key.key().id(), Optional.of(clock.instant().plusSeconds(60)));

            assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
            clock.advance(Duration.ofSeconds(59));
            assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(gateway.admit(key.value())).isEqualTo(new Admission.Forbidden());
        }

        @Test
        void anExpiredKeyIsNotCharged() {
            activity.setExpiration(key.key().id(), Optional.of(clock.instant()));

            assertThat(gateway.admit(key.value())).isEqualTo(new Admission.Forbidden());
            assertThat(usage.remaining(plan.id(), key.key().id())).isEqualTo(3);
        }

        @Test
        void removingTheExpirationAdmitsTheKeyAgain() {
            activity.setExpiration(key.key().id(), Optional.of(clock.instant().minusSeconds(1)));
            assertThat(gateway.admit(key.value())).isEqualTo(new Admission.Forbidden());

            activity.setExpiration(key.key().id(), Optional.empty());

            assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
        }
    }

    @Nested
    class LastUsed {
        @Test
        void writesTheLastUseAtMostOncePerKeyPerMinute() {
            for (int second = 0; second < 150; second += 10) {
                clock.set(MutableClock.at("2026-11-27T10:00:00Z").instant().plusSeconds(second));
                tokens.set(1000);
                counter.setUsed(plan.id(), key.key().id(),
                        dev.studentapi.core.usage.QuotaWindow.containing(clock.instant(), plan.quota()), 0);
                assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
            }

            assertThat(activity.lastUsedWrites()).isEqualTo(3);
            assertThat(activity.find(key.key().id()).flatMap(KeyActivity::lastUsedDate))
                    .contains(MutableClock.at("2026-11-27T10:02:00Z").instant());
        }

        @Test
        void aRefusedRequestIsNotAUse() {
            keys.setEnabled(key.key().id(), false);

            gateway.admit(key.value());

            assertThat(activity.lastUsedWrites()).isZero();
            assertThat(activity.find(key.key().id())).isEmpty();
        }
    }

    @Nested
    class Forbids {
        @Test
        void aMissingKey() {
            assertThat(gateway.admit(null)).isInstanceOf(Admission.Forbidden.class);
            assertThat(gateway.admit("")).isInstanceOf(Admission.Forbidden.class);
        }

        @Test
        void anUnknownKey() {
            assertThat(gateway.admit(key.value() + "x")).isInstanceOf(Admission.Forbidden.class);
        }

        @Test
        void aDisabledKey() {
            keys.setEnabled(key.key().id(), false);
            assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Forbidden.class);
        }

        @Test
        void aKeyOnNoPlan() {
            IssuedApiKey loose = keys.create("loose", "", true, Optional.empty());
            assertThat(gateway.admit(loose.value())).isInstanceOf(Admission.Forbidden.class);
        }

        @Test
        void aKeyWhosePlanCoversAnotherStage() {
            IssuedApiKey other = keys.create("other", "", true, Optional.empty());
            UsagePlan elsewhere = new UsagePlan("elsewhere", "elsewhere", "", null, null,
                    List.of(new ApiStage("student", "dev")));
            planStore.create(elsewhere);
            planStore.bindKey(elsewhere.id(), other.key().id());
            assertThat(gateway.admit(other.value())).isInstanceOf(Admission.Forbidden.class);
        }

        @Test
        void withoutChargingTheQuota() {
            keys.setEnabled(key.key().id(), false);
            gateway.admit(key.value());
            assertThat(usage.remaining(plan.id(), key.key().id())).isEqualTo(3);
        }
    }

    @Test
    void throttledRequestsAreNotCharged() {
        tokens.set(0);
        Admission admission = gateway.admit(key.value());
        assertThat(admission).isInstanceOfSatisfying(Admission.Throttled.class, throttled -> assertThat(
                List.of(throttled.keyId(), throttled.retryAfter())).containsExactly(key.key().id(), Duration.ofMillis(200)));
        assertThat(usage.remaining(plan.id(), key.key().id())).isEqualTo(3);
    }

    @Test
    void rejectsWhenDailyQuotaIsSpentUntilTheNextUtcDay() {
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
        }
        assertThat(gateway.admit(key.value())).isInstanceOfSatisfying(Admission.QuotaExceeded.class, exceeded ->
                assertThat(List.of(exceeded.keyId(), exceeded.retryAfter()))
                        .containsExactly(key.key().id(), Duration.ofHours(14)));
        clock.set(java.time.Instant.parse("2026-11-27T23:59:59Z"));
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.QuotaExceeded.class);
        clock.set(java.time.Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void aLoweredQuotaAppliesToTheNextRequest() {
        gateway.admit(key.value());
        gateway.admit(key.value());
        plans.change(plan.id(), p -> p.withQuota(new QuotaInput(2L, "DAY", 0)));
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.QuotaExceeded.class);
    }

    @Test
    void grantedQuotaLetsExactlyThatManyMoreThrough() {
        for (int i = 0; i < 3; i++) {
            gateway.admit(key.value());
        }
        usage.setRemaining(plan.id(), key.key().id(), 2);
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.QuotaExceeded.class);
    }

    @Test
    void weeklyQuotasSpanDaysAndDailyUsageIsReported() {
        plans.change(plan.id(), p -> p.withQuota(new QuotaInput(3L, "WEEK", 0)));
        gateway.admit(key.value());
        clock.advance(Duration.ofDays(1));
        gateway.admit(key.value());
        gateway.admit(key.value());
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.QuotaExceeded.class);
        assertThat(usage.daily(plan.id(), key.key().id(),
                new UsageDays(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-28"))))
                .extracting(d -> d.used()).containsExactly(1L, 2L);
        clock.set(java.time.Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void plansWithoutLimitsAdmitAndStillCountUsage() {
        plans.change(plan.id(), p -> p.withQuota(QuotaInput.NONE).withThrottle(ThrottleInput.NONE));
        tokens.set(0);
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.admit(key.value())).isInstanceOf(Admission.Admitted.class);
        }
        assertThat(usage.daily(plan.id(), key.key().id(),
                new UsageDays(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-27"))))
                .extracting(d -> d.used()).containsExactly(5L);
    }
}
