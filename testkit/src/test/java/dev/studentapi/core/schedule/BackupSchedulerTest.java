package dev.studentapi.core.schedule;

import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryTickLease;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackupSchedulerTest {

    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final InMemoryTickLease sharedLease = new InMemoryTickLease();
    private final List<String> runs = new ArrayList<>();

    private BackupScheduler instance(String name) {
        return new BackupScheduler("DailyDynamoDBBackup", ScheduleExpression.parse("cron(0 0 * * ? *)"),
                ZoneId.of("Asia/Bangkok"), sharedLease, name, () -> runs.add(name + "@" + clock.instant()), clock);
    }

    @Test
    void aDailyBangkokScheduleFiresAtLocalMidnightOnceAcrossTwoInstances() throws Exception {
        BackupScheduler a = instance("a");
        BackupScheduler b = instance("b");
        assertThat(a.nextTick()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));

        clock.set(Instant.parse("2026-11-27T16:59:59Z"));
        assertThat(a.runDue()).isEmpty();
        assertThat(b.runDue()).isEmpty();

        clock.set(Instant.parse("2026-11-27T17:00:03Z"));
        assertThat(b.runDue()).contains(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(a.runDue()).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(a.runDue()).isEmpty();
        assertThat(b.runDue()).isEmpty();
        assertThat(runs).containsExactly("b@2026-11-27T17:00:03Z");
    }

    @Test
    void ticksMissedWhileDownAreNotReplayedInBulk() throws Exception {
        BackupScheduler a = instance("a");
        clock.set(Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(a.runDue()).contains(Instant.parse("2026-12-01T17:00:00Z"));
        assertThat(a.runDue()).isEmpty();
        assertThat(runs).hasSize(1);
    }

    @Test
    void aNewInstanceDoesNotRunATickThatFellBeforeItStarted() throws Exception {
        clock.set(Instant.parse("2026-11-27T17:00:30Z"));
        BackupScheduler late = instance("late");
        clock.advance(Duration.ofSeconds(10));
        assertThat(late.runDue()).isEmpty();
        assertThat(runs).isEmpty();
    }
}
