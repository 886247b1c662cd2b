package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaCharge.Charged;
import dev.studentapi.core.usage.QuotaCharge.Exhausted;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the block reservation sizes its blocks, stays within the limit and gives units back, on fake units. */
class ReservingUsageCounterTest {
    static final LocalDate DAY = LocalDate.parse("2025-07-06");
    static final QuotaWindow WINDOW = new QuotaWindow(DAY, DAY.plusDays(1));
    static final QuotaWindow WEEK = new QuotaWindow(DAY, DAY.plusDays(7));
    static final long UNLIMITED = 1_000_000;

    private final MutableClock clock = MutableClock.at("2025-07-06T08:00:00Z");
    private final FakeUsageUnits units = new FakeUsageUnits();
    private final ReservingUsageCounter counter = new ReservingUsageCounter(units, clock);

    private QuotaCharge charge(long limit) {
        return counter.tryCharge("p1", "k1", WINDOW, DAY, limit);
    }

    private void charge(int times, long limit) {
        for (int i = 0; i < times; i++) {
            charge(limit);
        }
    }

    @Nested
    class BlockSizes {

        @Test
        void aBusyKeyDoublesItsBlockUpToTheMaximum() {
            charge(5000, UNLIMITED);

            assertThat(units.blocks()).startsWith(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 512L)
                    .allMatch(size -> size <= ReservingUsageCounter.MAX_BLOCK);
            assertThat(units.blocks().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(5000)
                    .isLessThan(5000 + ReservingUsageCounter.MAX_BLOCK);
        }

        @Test
        void aSteadyRateKeepsTheSizeAndAQuietSpellStartsAgainFromOne() {
            charge(7, UNLIMITED);
            assertThat(units.blocks()).containsExactly(1L, 2L, 4L);

            clock.advance(ReservingUsageCounter.FAST);
            charge(4, UNLIMITED);
            clock.advance(ReservingUsageCounter.QUIET.minusNanos(1));
            charge(4, UNLIMITED);
            assertThat(units.blocks()).as("blocks that last between FAST and QUIET keep their size")
                    .containsExactly(1L, 2L, 4L, 4L, 4L);

            clock.advance(ReservingUsageCounter.QUIET);
            charge(UNLIMITED);
            assertThat(units.blocks()).as("one unit after a quiet spell").endsWith(4L, 1L);
        }

        @Test
        void slowChargesReserveOneUnitEach() {
            for (int i = 0; i < 5; i++) {
                clock.advance(ReservingUsageCounter.QUIET);
                charge(UNLIMITED);
            }

            assertThat(units.blocks()).containsExactly(1L, 1L, 1L, 1L, 1L);
            assertThat(units.stored(WINDOW)).isEqualTo(5);
        }

        @Test
        void neverTakesMoreThanAQuarterOfWhatIsLeftButAlwaysOne() {
            for (int i = 1; i <= 40; i++) {
                assertThat(charge(40)).isEqualTo(new Charged(i));
            }
            assertThat(charge(40)).isEqualTo(new Exhausted(40));

            assertThat(units.reservations()).allSatisfy(reservation -> assertThat(reservation.units())
                    .isLessThanOrEqualTo(Math.max(1, (40 - reservation.usedBefore()) / 4)));
            assertThat(units.reservations()).last().isEqualTo(new FakeUsageUnits.Reservation(40, 0));
            assertThat(units.stored(WINDOW)).isEqualTo(40);
        }
    }

    @Nested
    class WhatItReports {

        @Test
        void countsOnlyTheUnitsHandedOutWhileTheStoreHoldsTheWholeBlock() {
            charge(100, UNLIMITED);

            assertThat(units.stored(WINDOW)).as("1 + 2 + ... + 64").isEqualTo(127);
            assertThat(counter.used("p1", "k1", WINDOW)).isEqualTo(100);
            assertThat(counter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 100L));
        }

        @Test
        void givingBackAllLeavesTheStoreWithWhatWasHandedOut() {
            charge(100, UNLIMITED);

            counter.giveBackAll();

            assertThat(units.stored(WINDOW)).isEqualTo(100);
            assertThat(units.storedOn(DAY)).isEqualTo(100);
        }

        @Test
        void aNewDayOfTheSameWindowGivesBackWhatWasReservedOnThePreviousOne() {
            for (int i = 0; i < 20; i++) {
                counter.tryCharge("p1", "k1", WEEK, DAY, 1000);
            }

            assertThat(counter.tryCharge("p1", "k1", WEEK, DAY.plusDays(1), 1000)).isEqualTo(new Charged(21));

            assertThat(units.storedOn(DAY)).isEqualTo(20);
            assertThat(counter.used("p1", "k1", WEEK)).isEqualTo(21);
            assertThat(counter.daily("p1", "k1", DAY, DAY.plusDays(1)))
                    .isEqualTo(Map.of(DAY, 20L, DAY.plusDays(1), 1L));
        }

        @Test
        void aNewWindowGivesBackWhatWasReservedInThePreviousOne() {
            charge(20, UNLIMITED);
            QuotaWindow next = new QuotaWindow(DAY.plusDays(1), DAY.plusDays(2));

            assertThat(counter.tryCharge("p1", "k1", next, DAY.plusDays(1), UNLIMITED)).isEqualTo(new Charged(1));

            assertThat(units.stored(WINDOW)).isEqualTo(20);
            assertThat(counter.used("p1", "k1", WINDOW)).isEqualTo(20);
            assertThat(counter.used("p1", "k1", next)).isEqualTo(1);
        }
    }

    @Nested
    class OtherProcesses {

        @Test
        void aChargeCommittedElsewhereKeepsTheBlockAndCountsFromTheNewTotal() {
            charge(2, UNLIMITED);
            assertThat(units.stored(WINDOW)).as("blocks of 1 and 2, one unit left").isEqualTo(3);

            units.chargeElsewhere(WINDOW, DAY, 5);

            assertThat(charge(UNLIMITED)).isEqualTo(new Charged(8));
            assertThat(units.blocks()).containsExactly(1L, 2L);
        }

        @Test
        void aCountSetElsewhereDropsTheHeldUnitsOnTheNextCharge() {
            charge(10, 100);
            assertThat(units.stored(WINDOW)).isGreaterThan(10);

            units.setElsewhere(WINDOW, 100);

            assertThat(charge(100)).isEqualTo(new Exhausted(100));
            assertThat(units.storedOn(DAY)).as("the dropped units leave the day too").isEqualTo(10);
            assertThat(counter.used("p1", "k1", WINDOW)).isEqualTo(100);
        }

        @Test
        void quotaGrantedElsewhereCountsOnTheNextCharge() {
            charge(10, 100);

            units.setElsewhere(WINDOW, 0);

            assertThat(charge(100)).isEqualTo(new Charged(1));
            counter.giveBackAll();
            assertThat(units.stored(WINDOW)).isEqualTo(1);
            assertThat(units.storedOn(DAY)).isEqualTo(11);
        }
    }

    @Test
    void settingTheCountHereDropsTheBlockAndGivesItsUnitsBackToTheDay() {
        charge(10, UNLIMITED);

        counter.setUsed("p1", "k1", WINDOW, 3);

        assertThat(units.stored(WINDOW)).isEqualTo(3);
        assertThat(units.storedOn(DAY)).isEqualTo(10);
        assertThat(charge(UNLIMITED)).isEqualTo(new Charged(4));
        assertThat(units.blocks()).as("a fresh block after the count was set").endsWith(1L);
    }

    @Test
    void neverAdmitsMoreThanTheLimitWhenThreadsRace() throws Exception {
        int limit = 1000;
        List<List<QuotaCharge>> perThread = Race.run(16, thread -> {
            List<QuotaCharge> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(charge(limit));
            }
            return results;
        });

        List<Long> admitted = perThread.stream().flatMap(List::stream).filter(Charged.class::isInstance)
                .map(charged -> ((Charged) charged).used()).toList();
        assertThat(admitted).hasSize(limit).doesNotHaveDuplicates().allMatch(used -> used >= 1 && used <= limit);
        assertThat(units.stored(WINDOW)).isEqualTo(limit);
        assertThat(charge(limit)).isEqualTo(new Exhausted(limit));
    }

    @Test
    void theClockOnlySizesBlocks() {
        clock.advance(Duration.ofDays(-1));
        charge(3, 3);

        assertThat(charge(3)).isEqualTo(new Exhausted(3));
    }
}
