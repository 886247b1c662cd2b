package dev.studentapi.core.backup;

import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.core.student.StudentStore;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Snapshots every student into the backup bucket, streaming, then e-mails a time-limited download link. */
public final class BackupService {

    public static final Duration LINK_VALIDITY = Duration.ofHours(1);
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final StudentStore students;
    private final ObjectStore bucket;
    private final SnapshotFormat format;
    private final Mailer mailer;
    private final BackupNoticeEmail notice;
    private final String recipient;
    private final Clock clock;

    public BackupService(StudentStore students, ObjectStore bucket, SnapshotFormat format, Mailer mailer,
                         BackupNoticeEmail notice, String recipient, Clock clock) {
        this.students = students;
        this.bucket = bucket;
        this.format = format;
        this.mailer = mailer;
        this.notice = notice;
        this.recipient = recipient;
        this.clock = clock;
    }

    /** The object key of a backup taken at {@code time}: {@code backups/backup-yyyyMMdd-HHmmss.json} (UTC). */
    public static String keyAt(Instant time) {
        return "backups/backup-" + KEY_TIME.format(time) + ".json";
    }

    /**
     * Runs one backup. Throws when the snapshot could not be stored (nothing is left behind then); once it
     * is stored, a failing e-mail is reported in the outcome and the backup is kept.
     */
    public BackupOutcome run() throws IOException {
        Instant started = clock.instant();
        String key = keyAt(started);
        long[] count = new long[1];
        StoredObject stored = bucket.put(key, out -> {
            try (SnapshotFormat.Writer writer = format.open(out)) {
                students.forEachOrdered(writer);
                count[0] = writer.count();
            }
        });
        Instant expiresAt = clock.instant().plus(LINK_VALIDITY);
        var link = bucket.downloadLink(key, expiresAt);
        MailDelivery delivery = MailDelivery.attempt(mailer,
                notice.to(recipient, key, count[0], link, expiresAt));
        return new BackupOutcome(stored, count[0], link, expiresAt, delivery);
    }
}
