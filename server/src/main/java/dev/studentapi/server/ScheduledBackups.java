package dev.studentapi.server;

import dev.studentapi.core.backup.BackupOutcome;
import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.schedule.BackupScheduler;
import dev.studentapi.core.schedule.ScheduleExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The in-process scheduler of the daily backup (EventBridge Scheduler's job): checks every few seconds whether
 * a tick fell due, and runs the backup when this instance wins the tick's lease in the shared store.
 */
final class ScheduledBackups implements AutoCloseable {

    static final String SCHEDULE_NAME = "DailyDynamoDBBackup";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final ScheduledExecutorService timer;

    private ScheduledBackups(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ScheduledBackups start(ScheduleExpression expression, ZoneId zone, Components components, Clock clock) {
        String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        BackupScheduler scheduler = new BackupScheduler(SCHEDULE_NAME, expression, zone, components.tickLease,
                holder, () -> report(components.dataPlane().backups().run()), clock);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scheduled-backups");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                scheduler.runDue().ifPresent(tick -> LOG.info("scheduled backup for tick {} done", tick));
            } catch (Exception e) {
                LOG.error("scheduled backup failed: {}", e.getMessage());
            }
        }, 5, 5, TimeUnit.SECONDS);
        LOG.info("backups scheduled by {} in {}; next at {}", expression, zone, scheduler.nextTick());
        return new ScheduledBackups(timer);
    }

    private static void report(BackupOutcome outcome) {
        if (outcome.notice() instanceof MailDelivery.Failed failed) {
            LOG.warn("scheduled backup {} stored, but its e-mail failed: {}", outcome.object().key(), failed.reason());
        } else {
            LOG.info("scheduled backup {} stored ({} students)", outcome.object().key(), outcome.count());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
