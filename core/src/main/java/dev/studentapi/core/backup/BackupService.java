package dev.studentapi.core.backup;

import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.student.StudentValidator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The backups of the student table: snapshots it into the backup bucket, streaming, and e-mails a time-limited
 * download link; lists the backups, links to one, and restores one (after a safety backup of the current table);
 * deletes the backups the retention rule expires after each new one. Safe for concurrent use; restores run one
 * at a time in this process.
 */
public final class BackupService {

    public static final Duration LINK_VALIDITY = Duration.ofHours(1);
    /** How many backups a page holds when the caller does not say, and at most. */
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1000;
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SAFETY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final StudentStore students;
    private final ObjectStore bucket;
    private final SnapshotFormat format;
    private final Mailer mailer;
    private final BackupNoticeEmail notice;
    private final String recipient;
    private final Clock clock;
    private final StudentValidator validator;
    private final BackupCatalog catalog;
    private final BackupRetention retention;

    /** A service that keeps every backup. */
    public BackupService(StudentStore students, ObjectStore bucket, SnapshotFormat format, Mailer mailer,
                         BackupNoticeEmail notice, String recipient, Clock clock) {
        this(students, bucket, format, mailer, notice, recipient, clock, new BackupRetention.KeepAll());
    }

    public BackupService(StudentStore students, ObjectStore bucket, SnapshotFormat format, Mailer mailer,
                         BackupNoticeEmail notice, String recipient, Clock clock, BackupRetention retention) {
        this.students = students;
        this.bucket = bucket;
        this.format = format;
        this.mailer = mailer;
        this.notice = notice;
        this.recipient = recipient;
        this.clock = clock;
        this.validator = new StudentValidator(clock);
        this.catalog = new BackupCatalog(bucket);
        this.retention = retention;
    }

    /** The object key of a backup taken at {@code time}: {@code backups/backup-yyyyMMdd-HHmmss.json} (UTC). */
    public static String keyAt(Instant time) {
        return BackupName.FOLDER + "backup-" + KEY_TIME.format(time) + ".json";
    }

    /** The name of the safety backup a restore at {@code time} takes: to the millisecond, so that two never meet. */
    public static BackupName safetyNameAt(Instant time) {
        return new BackupName("backup-" + SAFETY_TIME.format(time) + "-before-restore.json");
    }

    /**
     * Runs one backup, then applies the retention rule. Throws when the snapshot could not be stored (nothing is
     * left behind then); once it is stored, a failing e-mail is reported in the outcome and the backup is kept.
     */
    public BackupOutcome run() throws IOException {
        Instant started = clock.instant();
        String key = keyAt(started);
        Snapshot snapshot = snapshot(key);
        Instant expiresAt = clock.instant().plus(LINK_VALIDITY);
        var link = bucket.downloadLink(key, expiresAt);
        MailDelivery delivery = MailDelivery.attempt(mailer,
                notice.to(recipient, key, snapshot.count(), link, expiresAt));
        applyRetention(Set.of(key));
        return new BackupOutcome(snapshot.object(), snapshot.count(), link, expiresAt, delivery);
    }

    private record Snapshot(StoredObject object, long count) {}

    private Snapshot snapshot(String key) throws IOException {
        long[] count = new long[1];
        StoredObject stored = bucket.put(key, out -> {
            try (SnapshotFormat.Writer writer = format.open(out)) {
                students.forEachOrderedEncoded(writer::acceptEncoded);
                count[0] = writer.count();
            }
        }, () -> OptionalLong.of(count[0]));
        return new Snapshot(stored, count[0]);
    }

    /** Up to {@code limit} (1 to {@link #MAX_PAGE}) backups, newest first, after {@code after} when given. */
    public BackupPage list(int limit, Optional<BackupCursor> after) throws IOException {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " backups, not " + limit);
        }
        return catalog.page(limit, after);
    }

    /** The backup {@code name} with a download link valid for {@link #LINK_VALIDITY} from now. */
    public Optional<BackupDetails> details(BackupName name) throws IOException {
        Optional<Backup> backup = catalog.find(name);
        if (backup.isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = clock.instant().plus(LINK_VALIDITY);
        return Optional.of(new BackupDetails(backup.get(), bucket.downloadLink(name.key(), expiresAt), expiresAt));
    }

    /**
     * Restores the backup {@code name}: refuses a missing backup, a replace without {@code confirm} equal to the
     * name, and a file that is not a valid backup (read in full first), changing nothing; otherwise takes a safety
     * backup of the current table, then merges ({@code writeAll} skipping stored ids) or replaces the table
     * ({@code replaceAll}: on SQLite one transaction), and finally applies the retention rule, which spares the
     * restored backup and the safety backup. On a store whose writes are all or nothing the check happens during
     * the write (see {@link #restoreInOnePass}).
     */
    public synchronized RestoreOutcome restore(BackupName name, RestoreMode mode, Optional<String> confirm)
            throws IOException {
        if (bucket.find(name.key()).isEmpty()) {
            return new RestoreOutcome.NotFound(name);
        }
        if (mode == RestoreMode.REPLACE && !confirm.map(name.value()::equals).orElse(false)) {
            return new RestoreOutcome.ConfirmationRequired(name);
        }
        BackupSource source = new BackupSource(bucket, name.key(), format, validator);
        if (students.writesAllOrNothing()) {
            return restoreInOnePass(name, mode, source);
        }
        Optional<SnapshotProblem> problem = source.check();
        if (problem.isPresent()) {
            return new RestoreOutcome.InvalidBackup(name, problem.get());
        }
        BackupName safety = safetyNameAt(clock.instant());
        snapshot(safety.key());
        return restored(name, mode, safety, write(mode, source));
    }

    /**
     * On a store whose writes are all or nothing the file is checked while it is written: the first problem undoes
     * the write, and the safety backup, taken first, is deleted again, so that a refused file leaves everything as
     * it was. A backup whose rows are not ordered by id is checked first and then written.
     */
    private RestoreOutcome restoreInOnePass(BackupName name, RestoreMode mode, BackupSource source)
            throws IOException {
        BackupName safety = safetyNameAt(clock.instant());
        snapshot(safety.key());
        try {
            return restored(name, mode, safety, write(mode, source.checkedWhileRead()));
        } catch (BackupSource.Unordered unordered) {
            Optional<SnapshotProblem> problem = source.check();
            if (problem.isEmpty()) {
                return restored(name, mode, safety, write(mode, source));
            }
            bucket.delete(safety.key());
            return new RestoreOutcome.InvalidBackup(name, problem.get());
        } catch (UnreadableSnapshotException e) {
            bucket.delete(safety.key());
            return new RestoreOutcome.InvalidBackup(name, e.problem());
        }
    }

    private BulkCounts write(RestoreMode mode, StudentSource source) throws IOException {
        return mode == RestoreMode.MERGE ? students.writeAll(source, ConflictPolicy.SKIP) : students.replaceAll(source);
    }

    private RestoreOutcome restored(BackupName name, RestoreMode mode, BackupName safety, BulkCounts counts) {
        applyRetention(Set.of(name.key(), safety.key()));
        return new RestoreOutcome.Restored(name, mode, safety, counts);
    }

    /** Deletes what the rule expires, sparing {@code spared}; a failure here never fails the backup that ran. */
    private void applyRetention(Set<String> spared) {
        try {
            for (Backup expired : retention.expired(catalog.all(), clock.instant())) {
                if (!spared.contains(expired.key())) {
                    bucket.delete(expired.key());
                }
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(BackupService.class.getName()).log(System.Logger.Level.WARNING,
                    "Retention of the backups in " + bucket.bucket() + " failed: " + e.getMessage());
        }
    }
}
