package dev.studentapi.testkit.contract;

import dev.studentapi.core.schedule.TickLease;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TickLease} must do, whatever store it claims ticks in. */
public abstract class TickLeaseContract {

    private static final Instant TICK = Instant.parse("2026-11-27T17:00:00Z");
    private TickLease lease;

    /** A lease over an empty store. */
    protected abstract TickLease newLease();

    @BeforeEach
    void setUp() {
        lease = newLease();
    }

    @Test
    void theFirstClaimOfATickWinsAndLaterOnesLose() {
        assertThat(lease.claim("DailyDynamoDBBackup", TICK, "instance-a")).isTrue();
        assertThat(lease.claim("DailyDynamoDBBackup", TICK, "instance-b")).isFalse();
        assertThat(lease.claim("DailyDynamoDBBackup", TICK, "instance-a")).isFalse();
    }

    @Test
    void ticksAndSchedulesAreIndependent() {
        assertThat(lease.claim("DailyDynamoDBBackup", TICK, "a")).isTrue();
        assertThat(lease.claim("DailyDynamoDBBackup", TICK.plusSeconds(86_400), "b")).isTrue();
        assertThat(lease.claim("Other", TICK, "b")).isTrue();
    }

    @Test
    void exactlyOneOfTwentyRacingInstancesWinsATick() throws Exception {
        List<Boolean> wins = Race.run(20, thread -> lease.claim("Race", TICK, "instance-" + thread));
        assertThat(wins).filteredOn(Boolean::booleanValue).hasSize(1);
    }
}
