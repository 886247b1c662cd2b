package dev.studentapi.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Runs a job on a schedule's ticks, once per tick across every instance sharing the lease store. Ticks missed
 * while no instance ran (or between two checks) are not replayed one by one: only the latest is run.
 * Call {@link #runDue()} often (every few seconds); it is cheap when nothing is due.
 */
public final class BackupScheduler {

    /** The work a tick runs; failures are the job's to report. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    private final String name;
    private final ScheduleExpression expression;
    private final ZoneId zone;
    private final TickLease lease;
    private final String holder;
    private final Job job;
    private final Clock clock;
    private Instant checkedUpTo;

    public BackupScheduler(String name, ScheduleExpression expression, ZoneId zone, TickLease lease, String holder,
                           Job job, Clock clock) {
        this.name = name;
        this.expression = expression;
        this.zone = zone;
        this.lease = lease;
        this.holder = holder;
        this.job = job;
        this.clock = clock;
        this.checkedUpTo = clock.instant();
    }

    /** The next tick after now, for logs and for sleeping until it. */
    public Instant nextTick() {
        return expression.nextAfter(clock.instant(), zone);
    }

    /**
     * Runs the job when a tick fell due since the last call and this instance wins its lease; returns the tick
     * it ran.
     */
    public synchronized Optional<Instant> runDue() throws Exception {
        Instant now = clock.instant();
        Optional<Instant> due = expression.latestIn(checkedUpTo, now, zone);
        checkedUpTo = now;
        if (due.isEmpty() || !lease.claim(name, due.get(), holder)) {
            return Optional.empty();
        }
        job.run();
        return due;
    }
}
