package dev.studentapi.testkit.contract;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaCharge.Charged;
import dev.studentapi.core.usage.QuotaCharge.Exhausted;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link UsageCounter} must do; extend it with a factory for the engine under test. */
public abstract class UsageCounterContract {

    static final LocalDate SUNDAY = LocalDate.parse("2025-07-06");
    static final LocalDate MONDAY = SUNDAY.plusDays(1);
    static final LocalDate TUESDAY = SUNDAY.plusDays(2);
    static final QuotaWindow SUNDAY_ONLY = new QuotaWindow(SUNDAY, MONDAY);
    static final QuotaWindow WEEK = new QuotaWindow(SUNDAY, SUNDAY.plusWeeks(1));

    private UsageCounter counter;

    /** A new counter of the engine under test, with no counts; the subclass closes whatever it opened. */
    protected abstract UsageCounter newCounter();

    @BeforeEach
    void createCounter() {
        counter = newCounter();
    }

    private QuotaCharge charge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        return counter.tryCharge(planId, keyId, window, day, limit);
    }

    @Test
    void countsNothingBeforeTheFirstCharge() {
        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isZero();
        assertThat(counter.daily("p1", "k1", SUNDAY, TUESDAY)).isEmpty();
    }

    @Test
    void chargesUpToTheLimitThenReportsExhaustedWithoutCounting() {
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 3)).isEqualTo(new Charged(1));
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 3)).isEqualTo(new Charged(2));
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 3)).isEqualTo(new Charged(3));
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 3)).isEqualTo(new Exhausted(3));
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 3)).isEqualTo(new Exhausted(3));

        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isEqualTo(3);
        assertThat(counter.daily("p1", "k1", SUNDAY, SUNDAY)).isEqualTo(Map.of(SUNDAY, 3L));
    }

    @Test
    void aZeroLimitChargesNothing() {
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 0)).isEqualTo(new Exhausted(0));

        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isZero();
        assertThat(counter.daily("p1", "k1", SUNDAY, SUNDAY)).isEmpty();
    }

    @Test
    void keepsWindowsApartPerPlanKeyAndWindow() {
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 10);
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 10);

        assertThat(charge("p2", "k1", SUNDAY_ONLY, SUNDAY, 10)).isEqualTo(new Charged(1));
        assertThat(charge("p1", "k2", SUNDAY_ONLY, SUNDAY, 10)).isEqualTo(new Charged(1));
        assertThat(charge("p1", "k1", WEEK, SUNDAY, 10)).isEqualTo(new Charged(1));
        assertThat(charge("p1", "k1", new QuotaWindow(MONDAY, TUESDAY), MONDAY, 10)).isEqualTo(new Charged(1));
        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isEqualTo(2);
    }

    @Test
    void countsEachDayOfAWindowSeparately() {
        for (LocalDate day : List.of(SUNDAY, SUNDAY, MONDAY, TUESDAY, TUESDAY, TUESDAY)) {
            charge("p1", "k1", WEEK, day, 100);
        }

        assertThat(counter.used("p1", "k1", WEEK)).isEqualTo(6);
        assertThat(counter.daily("p1", "k1", SUNDAY, TUESDAY))
                .isEqualTo(Map.of(SUNDAY, 2L, MONDAY, 1L, TUESDAY, 3L));
    }

    @Test
    void dailyReturnsOnlyDaysWithACountInsideTheInclusiveRange() {
        for (LocalDate day : List.of(SUNDAY, TUESDAY, TUESDAY, TUESDAY.plusDays(1))) {
            charge("p1", "k1", WEEK, day, 100);
        }

        assertThat(counter.daily("p1", "k1", SUNDAY, TUESDAY)).isEqualTo(Map.of(SUNDAY, 1L, TUESDAY, 2L));
        assertThat(counter.daily("p1", "k1", MONDAY, MONDAY)).isEmpty();
        assertThat(counter.daily("p1", "k1", TUESDAY, TUESDAY.plusYears(1)))
                .isEqualTo(Map.of(TUESDAY, 2L, TUESDAY.plusDays(1), 1L));
        assertThat(counter.daily("p1", "k1", SUNDAY.minusYears(1), SUNDAY.minusDays(1))).isEmpty();
    }

    @Test
    void dailyKeepsPlansAndKeysApart() {
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 100);
        charge("p1", "k2", SUNDAY_ONLY, SUNDAY, 100);
        charge("p1", "k2", SUNDAY_ONLY, SUNDAY, 100);
        charge("p2", "k1", SUNDAY_ONLY, SUNDAY, 100);

        assertThat(counter.daily("p1", "k1", SUNDAY, SUNDAY)).isEqualTo(Map.of(SUNDAY, 1L));
        assertThat(counter.daily("p1", "k2", SUNDAY, SUNDAY)).isEqualTo(Map.of(SUNDAY, 2L));
        assertThat(counter.daily("p2", "k1", SUNDAY, SUNDAY)).isEqualTo(Map.of(SUNDAY, 1L));
        assertThat(counter.daily("p2", "k2", SUNDAY, SUNDAY)).isEmpty();
    }

    @Test
    void loweringTheCountLetsMoreRequestsThrough() {
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 2);
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 2);

        counter.setUsed("p1", "k1", SUNDAY_ONLY, 1);

        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isEqualTo(1);
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 2)).isEqualTo(new Charged(2));
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 2)).isEqualTo(new Exhausted(2));
    }

    @Test
    void raisingTheCountToTheLimitBlocksRequests() {
        counter.setUsed("p1", "k1", SUNDAY_ONLY, 5);

        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isEqualTo(5);
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 5)).isEqualTo(new Exhausted(5));
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 6)).isEqualTo(new Charged(6));
    }

    @Test
    void settingTheCountNeverTakesItBelowZero() {
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 10);

        counter.setUsed("p1", "k1", SUNDAY_ONLY, -5);

        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isZero();
        assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 10)).isEqualTo(new Charged(1));
    }

    @Test
    void settingTheCountLeavesDailyCountsAlone() {
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 10);
        charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 10);

        counter.setUsed("p1", "k1", SUNDAY_ONLY, 0);

        assertThat(counter.daily("p1", "k1", SUNDAY, SUNDAY)).isEqualTo(Map.of(SUNDAY, 2L));
    }

    @Test
    void chargesExactlyTheLimitWhenFiftyThreadsRace() throws Exception {
        List<QuotaCharge> results = Race.run(50, thread -> charge("p1", "k1", SUNDAY_ONLY, SUNDAY, 10));

        assertThat(results).filteredOn(Charged.class::isInstance).hasSize(10);
        assertThat(results).filteredOn(Charged.class::isInstance).extracting(c -> ((Charged) c).used())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(results).filteredOn(Exhausted.class::isInstance).containsOnly(new Exhausted(10));
        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isEqualTo(10);
        assertThat(counter.daily("p1", "k1", SUNDAY, SUNDAY)).isEqualTo(Map.of(SUNDAY, 10L));
    }

    @Test
    void chargesWithoutBoundWhenTheLimitIsLongMaxValue() {
        for (long i = 1; i <= 5; i++) {
            assertThat(charge("p1", "k1", SUNDAY_ONLY, SUNDAY, Long.MAX_VALUE)).isEqualTo(new Charged(i));
        }

        assertThat(counter.used("p1", "k1", SUNDAY_ONLY)).isEqualTo(5);
    }
}
