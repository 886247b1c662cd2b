package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryUsageCounter;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.studentapi.core.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class UsageServiceTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final InMemoryUsagePlanStore planStore = new InMemoryUsagePlanStore();
    private final UsageService usage = new UsageService(planStore, new InMemoryUsageCounter(), clock);

    @BeforeEach
    void plans() {
        List<ApiStage> stages = List.of(new ApiStage("student", "prod"));
        planStore.create(new UsagePlan("quota", "quota", "", null, new QuotaSettings(5, QuotaPeriod.DAY, 0), stages));
        planStore.create(new UsagePlan("free", "free", "", null, null, stages));
        planStore.bindKey("quota", "k1");
        planStore.bindKey("free", "k1");
    }

    @Nested
    class AUsageReport {
        @Test
        void coversAtMostNinetyDays() {
            assertThat(usage.daily("quota", "k1", new UsageDays(TODAY.minusDays(89), TODAY))).hasSize(90);
            Refusal refusal = refused(() -> new UsageDays(TODAY.minusDays(90), TODAY), RefusalCode.DATE_RANGE_TOO_LONG);
            assertThat(refusal.value()).contains("91");
            assertThat(refusal.limit()).hasValue(90);
        }

        @Test
        void mustNotEndBeforeItStarts() {
            refused(() -> new UsageDays(TODAY, TODAY.minusDays(1)), RefusalCode.DATE_RANGE_REVERSED);
            assertThat(usage.daily("quota", "k1", new UsageDays(TODAY, TODAY))).hasSize(1);
        }

        @Test
        void ofAnUnknownPlanIsNotFound() {
            refused(() -> usage.daily("nosuchplan", "k1", new UsageDays(TODAY, TODAY)),
                    RefusalCode.USAGE_PLAN_NOT_FOUND);
        }
    }

    @Nested
    class SettingTheRemainingQuota {
        @Test
        void worksForAKeyOnAPlanWithAQuota() {
            assertThat(usage.setRemaining("quota", "k1", 2)).isEqualTo(2);
            assertThat(usage.remaining("quota", "k1")).isEqualTo(2);
        }

        @Test
        void refusesAKeyThatIsNotOnThePlan() {
            Refusal refusal = refused(() -> usage.setRemaining("quota", "k2", 2), RefusalCode.KEY_NOT_ON_PLAN);
            assertThat(refusal.value()).contains("k2");
            assertThat(refusal.detail("planId")).isEqualTo("quota");
            assertThat(usage.remaining("quota", "k2")).isEqualTo(5);
        }

        @Test
        void refusesAPlanWithoutAQuotaAndANegativeNumber() {
            refused(() -> usage.setRemaining("free", "k1", 2), RefusalCode.QUOTA_NOT_SET);
            refused(() -> usage.setRemaining("quota", "k1", -1), RefusalCode.REMAINING_NEGATIVE);
            refused(() -> usage.setRemaining("nosuchplan", "k1", 1), RefusalCode.USAGE_PLAN_NOT_FOUND);
            assertThat(usage.remaining("quota", "k1")).isEqualTo(5);
        }
    }
}
