package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static dev.studentapi.core.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class UsagePlanServiceTest {
    private static final ApiStage SERVED = new ApiStage("student", "prod");

    private final InMemoryUsagePlanStore planStore = new InMemoryUsagePlanStore();
    private final InMemoryApiKeyStore keyStore = new InMemoryApiKeyStore(planStore);
    private final ApiKeyService keys = new ApiKeyService(keyStore, MutableClock.at("2026-11-27T10:00:00Z"));
    private final UsagePlanService plans = new UsagePlanService(planStore, keyStore, SERVED);

    private static UsagePlanDraft draft(ThrottleInput throttle, QuotaInput quota) {
        return new UsagePlanDraft("plan", "", throttle, quota, List.of(SERVED));
    }

    private String keyId(String name) {
        return keys.create(name, "", true, Optional.empty()).key().id();
    }

    @Test
    void createsAPlanWithCompleteLimitsOnTheServedStage() {
        UsagePlan plan = plans.create(new UsagePlanDraft(" plan ", "d", new ThrottleInput(5.0, 10),
                new QuotaInput(100L, "week", null), List.of(SERVED)));
        assertThat(plan.name()).isEqualTo("plan");
        assertThat(plan.throttle()).isEqualTo(new ThrottleSettings(5, 10));
        assertThat(plan.quota()).isEqualTo(new QuotaSettings(100, QuotaPeriod.WEEK, 0));
        assertThat(plans.get(plan.id())).isEqualTo(plan);
    }

    @Test
    void aPlanWithoutLimitsOrStagesIsAllowed() {
        UsagePlan plan = plans.create(new UsagePlanDraft("bare", null, null, null, null));
        assertThat(plan.throttle()).isNull();
        assertThat(plan.quota()).isNull();
        assertThat(plan.apiStages()).isEmpty();
    }

    @Nested
    class RefusesToCreate {
        @Test
        void aPlanWithoutAName() {
            refused(() -> plans.create(new UsagePlanDraft("  ", "", null, null, List.of())),
                    RefusalCode.PLAN_NAME_REQUIRED);
            assertThat(plans.list()).isEmpty();
        }

        @Test
        void aRateWithoutABurstOrABurstWithoutARate() {
            Refusal rateOnly = refused(() -> plans.create(draft(new ThrottleInput(5.0, null), null)),
                    RefusalCode.THROTTLE_INCOMPLETE);
            assertThat(rateOnly.detail("missing")).isEqualTo("burstLimit");
            Refusal burstOnly = refused(() -> plans.create(draft(new ThrottleInput(null, 5), null)),
                    RefusalCode.THROTTLE_INCOMPLETE);
            assertThat(burstOnly.detail("missing")).isEqualTo("rateLimit");
            assertThat(plans.list()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"0, 1, THROTTLE_RATE_INVALID", "-1, 1, THROTTLE_RATE_INVALID", "NaN, 1, THROTTLE_RATE_INVALID",
                "Infinity, 1, THROTTLE_RATE_INVALID", "1, 0, THROTTLE_BURST_INVALID"})
        void aThrottleOutOfRange(double rate, int burst, RefusalCode code) {
            refused(() -> plans.create(draft(new ThrottleInput(rate, burst), null)), code);
        }

        @Test
        void aQuotaLimitWithoutAPeriodOrAPeriodOrOffsetWithoutALimit() {
            refused(() -> plans.create(draft(null, new QuotaInput(5L, null, null))), RefusalCode.QUOTA_INCOMPLETE);
            refused(() -> plans.create(draft(null, new QuotaInput(null, "DAY", null))), RefusalCode.QUOTA_INCOMPLETE);
            refused(() -> plans.create(draft(null, new QuotaInput(null, null, 1))), RefusalCode.QUOTA_INCOMPLETE);
        }

        @Test
        void anUnknownPeriodANegativeLimitAndAnOffsetBeyondThePeriod() {
            Refusal period = refused(() -> plans.create(draft(null, new QuotaInput(5L, "YEAR", 0))),
                    RefusalCode.QUOTA_PERIOD_INVALID);
            assertThat(period.value()).contains("YEAR");
            refused(() -> plans.create(draft(null, new QuotaInput(-1L, "DAY", 0))), RefusalCode.QUOTA_LIMIT_INVALID);
            Refusal offset = refused(() -> plans.create(draft(null, new QuotaInput(5L, "WEEK", 7))),
                    RefusalCode.QUOTA_OFFSET_OUT_OF_RANGE);
            assertThat(offset.value()).contains("7");
            assertThat(offset.limit()).hasValue(6);
            assertThat(offset.detail("period")).isEqualTo("WEEK");
            refused(() -> plans.create(draft(null, new QuotaInput(5L, "DAY", 1))),
                    RefusalCode.QUOTA_OFFSET_OUT_OF_RANGE);
            assertThat(plans.create(draft(null, new QuotaInput(5L, "MONTH", 27))).quota().offset()).isEqualTo(27);
        }

        @Test
        void aStageThisServerDoesNotServe() {
            Refusal stage = refused(() -> plans.create(new UsagePlanDraft("p", "", null, null,
                    List.of(new ApiStage("student", "dev")))), RefusalCode.STAGE_NOT_SERVED);
            assertThat(stage.value()).contains("student:dev");
            assertThat(stage.kind()).isEqualTo(RefusalCode.Kind.NOT_FOUND);
            refused(() -> plans.create(new UsagePlanDraft("p", "", null, null, List.of(new ApiStage("other", "prod")))),
                    RefusalCode.API_NOT_FOUND);
            assertThat(plans.list()).isEmpty();
        }
    }

    @Nested
    class Changes {
        @Test
        void validateTheResultingPlanAndChangeNothingWhenRefused() {
            UsagePlan plan = plans.create(draft(new ThrottleInput(5.0, 10), null));
            refused(() -> plans.change(plan.id(), d -> d.withThrottle(d.throttle().withBurstLimit(null))),
                    RefusalCode.THROTTLE_INCOMPLETE);
            refused(() -> plans.change(plan.id(), d -> d.withQuota(d.quota().withLimit(5L))),
                    RefusalCode.QUOTA_INCOMPLETE);
            refused(() -> plans.change(plan.id(), d -> d.withName("")), RefusalCode.PLAN_NAME_REQUIRED);
            assertThat(plans.get(plan.id())).isEqualTo(plan);

            UsagePlan changed = plans.change(plan.id(), d -> d.withThrottle(d.throttle().withRateLimit(7.5))
                    .withQuota(new QuotaInput(3L, "DAY", null)));
            assertThat(changed.throttle()).isEqualTo(new ThrottleSettings(7.5, 10));
            assertThat(changed.quota()).isEqualTo(new QuotaSettings(3, QuotaPeriod.DAY, 0));
        }

        @Test
        void mayAddOnlyTheServedStageAndRemoveOnlyStagesOnThePlan() {
            UsagePlan plan = plans.create(new UsagePlanDraft("p", "", null, null, List.of()));
            refused(() -> plans.change(plan.id(), d -> d.withStage(new ApiStage("student", "dev"))),
                    RefusalCode.STAGE_NOT_SERVED);
            refused(() -> plans.change(plan.id(), d -> d.withoutStage(SERVED)), RefusalCode.STAGE_NOT_ON_PLAN);
            assertThat(plans.change(plan.id(), d -> d.withStage(SERVED)).apiStages()).containsExactly(SERVED);
        }

        @Test
        void keepAStageNoLongerServedThatThePlanAlreadyHad() {
            ApiStage old = new ApiStage("student", "old");
            planStore.create(new UsagePlan("p1", "p", "", null, null, List.of(old)));
            assertThat(plans.change("p1", d -> d.withDescription("kept")).apiStages()).containsExactly(old);
        }

        @Test
        void ofAnUnknownPlanAreNotFound() {
            refused(() -> plans.change("nosuchplan", d -> d), RefusalCode.USAGE_PLAN_NOT_FOUND);
            refused(() -> plans.delete("nosuchplan"), RefusalCode.USAGE_PLAN_NOT_FOUND);
        }
    }

    @Nested
    class Bindings {
        @Test
        void refuseUnknownKeysUnknownPlansAndDuplicates() {
            UsagePlan plan = plans.create(draft(null, null));
            String keyId = keyId("k");
            refused(() -> plans.bind(plan.id(), "nosuchkey0"), RefusalCode.API_KEY_NOT_FOUND);
            refused(() -> plans.bind("nosuchplan", keyId), RefusalCode.USAGE_PLAN_NOT_FOUND);
            plans.bind(plan.id(), keyId);
            Refusal again = refused(() -> plans.bind(plan.id(), keyId), RefusalCode.KEY_ALREADY_ON_PLAN);
            assertThat(again.value()).contains(keyId);
            assertThat(again.detail("planId")).isEqualTo(plan.id());
        }

        @Test
        void refuseASecondPlanForTheSameStage() {
            UsagePlan first = plans.create(draft(null, null));
            UsagePlan second = plans.create(draft(null, null));
            UsagePlan stageless = plans.create(new UsagePlanDraft("none", "", null, null, List.of()));
            String keyId = keyId("k");
            plans.bind(first.id(), keyId);
            plans.bind(stageless.id(), keyId);

            Refusal other = refused(() -> plans.bind(second.id(), keyId), RefusalCode.KEY_ON_OTHER_PLAN_FOR_STAGE);
            assertThat(other.detail("planId")).isEqualTo(first.id());
            assertThat(other.detail("stage")).isEqualTo("student:prod");
            refused(() -> plans.change(stageless.id(), d -> d.withStage(SERVED)),
                    RefusalCode.KEY_ON_OTHER_PLAN_FOR_STAGE);
        }

        @Test
        void knowWhetherAKeyIsOnAPlan() {
            UsagePlan plan = plans.create(draft(null, null));
            String keyId = keyId("k");
            refused(() -> plans.keyOnPlan(plan.id(), keyId), RefusalCode.KEY_NOT_ON_PLAN);
            refused(() -> plans.unbind(plan.id(), keyId), RefusalCode.KEY_NOT_ON_PLAN);
            plans.bind(plan.id(), keyId);
            assertThat(plans.keyOnPlan(plan.id(), keyId).id()).isEqualTo(keyId);
            plans.unbind(plan.id(), keyId);
            assertThat(plans.keyIds(plan.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"student", "student:", ":prod", "''"})
    void anApiStageIsWrittenApiIdColonStage(String text) {
        Refusal refusal = refused(() -> ApiStage.parse(text), RefusalCode.API_STAGE_INVALID);
        assertThat(refusal.value()).contains(text);
        assertThat(ApiStage.parse("student:prod")).isEqualTo(SERVED);
    }
}
