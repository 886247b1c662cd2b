package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy key reserves its units in blocks: the server (one database) reports exactly what it admitted, another
 * process (the CLI, a second database on the file) sees the reserved units as used until they are given back,
 * and a count set by that other process takes effect on the server's very next charge.
 */
class SqliteUsageReservationTest {
    static final LocalDate DAY = LocalDate.parse("2025-07-06");
    static final QuotaWindow WINDOW = new QuotaWindow(DAY, DAY.plusDays(1));

    @TempDir
    Path folder;
    private final MutableClock clock = MutableClock.at("2025-07-06T08:00:00Z");
    private SqliteDatabase server;
    private SqliteDatabase cli;
    private SqliteUsageCounter serverCounter;
    private SqliteUsageCounter cliCounter;

    @BeforeEach
    void open() {
        server = SqliteDatabase.open(folder.resolve("studentapi.db"));
        cli = SqliteDatabase.open(folder.resolve("studentapi.db"));
        serverCounter = new SqliteUsageCounter(server, clock);
        cliCounter = new SqliteUsageCounter(cli);
    }

    @AfterEach
    void close() {
        server.close();
        cli.close();
    }

    private void chargeOnServer(int times, long limit) {
        for (int i = 1; i <= times; i++) {
            assertThat(serverCounter.tryCharge("p1", "k1", WINDOW, DAY, limit)).isEqualTo(new QuotaCharge.Charged(i));
        }
    }

    @Test
    void fastChargesReserveGrowingBlocksThatOtherProcessesSeeUntilGivenBack() {
        chargeOnServer(100, 1_000_000);

        assertThat(serverCounter.used("p1", "k1", WINDOW)).isEqualTo(100);
        assertThat(serverCounter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 100L));
        long seenElsewhere = cliCounter.used("p1", "k1", WINDOW);
        assertThat(seenElsewhere).as("1 + 2 + 4 + ... + 64 units reserved").isEqualTo(127);
        assertThat(cliCounter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 127L));

        server.close();

        assertThat(cliCounter.used("p1", "k1", WINDOW)).isEqualTo(100);
        assertThat(cliCounter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 100L));
    }

    @Test
    void slowChargesReserveOneUnitAtATime() {
        for (int i = 1; i <= 5; i++) {
            clock.advance(ReservingUsageCounter.QUIET);
            serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 1_000_000);
            assertThat(cliCounter.used("p1", "k1", WINDOW)).isEqualTo(i);
        }
    }

    @Test
    void aSteadyRateKeepsTheBlockSizeAQuietSpellStartsAgainFromOne() {
        chargeOnServer(63, 1_000_000);
        assertThat(cliCounter.used("p1", "k1", WINDOW)).as("1 + 2 + ... + 32").isEqualTo(63);

        for (int block = 0; block < 3; block++) {
            clock.advance(ReservingUsageCounter.FAST);
            for (int i = 0; i < 32; i++) {
                serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 1_000_000);
            }
            assertThat(cliCounter.used("p1", "k1", WINDOW)).as("blocks of 32 at a steady rate")
                    .isEqualTo(63 + 32 * (block + 1));
        }

        clock.advance(ReservingUsageCounter.QUIET);
        serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 1_000_000);
        assertThat(cliCounter.used("p1", "k1", WINDOW)).as("one unit after a quiet spell").isEqualTo(63 + 96 + 1);
    }

    @Test
    void blocksStopGrowingAtTheMaximumAndNeverTakeMoreThanAQuarterOfWhatIsLeft() {
        chargeOnServer(5000, 1_000_000);
        assertThat(cliCounter.used("p1", "k1", WINDOW) - 5000).isLessThan(ReservingUsageCounter.MAX_BLOCK);

        SqliteDatabase other = SqliteDatabase.open(folder.resolve("other.db"));
        try {
            SqliteUsageCounter nearLimit = new SqliteUsageCounter(other, clock);
            for (int i = 1; i <= 40; i++) {
                assertThat(nearLimit.tryCharge("p1", "k1", WINDOW, DAY, 40)).isEqualTo(new QuotaCharge.Charged(i));
            }
            assertThat(nearLimit.tryCharge("p1", "k1", WINDOW, DAY, 40)).isEqualTo(new QuotaCharge.Exhausted(40));
        } finally {
            other.close();
        }
    }

    @Test
    void takingQuotaBackFromAnotherProcessDropsTheUnitsTheServerHolds() {
        chargeOnServer(10, 100);
        assertThat(cliCounter.used("p1", "k1", WINDOW)).isGreaterThan(10);

        cliCounter.setUsed("p1", "k1", WINDOW, 100);

        assertThat(serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 100)).isEqualTo(new QuotaCharge.Exhausted(100));
        assertThat(serverCounter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 10L));
        assertThat(cliCounter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 10L));
        server.close();
        assertThat(cliCounter.used("p1", "k1", WINDOW)).isEqualTo(100);
    }

    @Test
    void grantingQuotaFromAnotherProcessCountsOnTheNextCharge() {
        chargeOnServer(10, 100);

        cliCounter.setUsed("p1", "k1", WINDOW, 0);

        assertThat(serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 100)).isEqualTo(new QuotaCharge.Charged(1));
        server.close();
        assertThat(cliCounter.used("p1", "k1", WINDOW)).isEqualTo(1);
        assertThat(cliCounter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 11L));
    }

    @Test
    void aNewDayGivesBackWhatWasReservedOnThePreviousOne() {
        QuotaWindow week = new QuotaWindow(DAY, DAY.plusDays(7));
        for (int i = 0; i < 20; i++) {
            serverCounter.tryCharge("p1", "k1", week, DAY, 1000);
        }
        serverCounter.tryCharge("p1", "k1", week, DAY.plusDays(1), 1000);

        assertThat(cliCounter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 20L));
        assertThat(serverCounter.used("p1", "k1", week)).isEqualTo(21);
    }
}
