package dev.studentapi.functions;

import dev.studentapi.core.backup.BackupNoticeEmail;
import dev.studentapi.core.backup.BackupRetention;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.core.student.ConfirmationEmail;
import dev.studentapi.core.student.ImportSummaryEmail;
import dev.studentapi.core.student.StudentImport;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.student.StudentValidator;
import dev.studentapi.core.text.Language;

import java.time.Clock;
import java.util.Objects;

/**
 * The data plane wired from its ports, the same for every composition root: the student and backup services
 * and the functions that answer over them.
 */
public record DataPlaneAssembly(StudentService students, BackupService backups, StudentFunctions functions,
                                BackupFunctions backupFunctions) {

    /** The language the data plane speaks, who its mail comes from and who receives the backup notices. */
    public record Mailing(Language language, String sender, String recipient) {
        public Mailing {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /** Builds the data plane over the given store, bucket and mailer, keeping every backup (see below). */
    public static DataPlaneAssembly assemble(StudentStore store, ObjectStore bucket, Mailer mailer, Mailing mailing,
                                             Clock clock) {
        return assemble(store, bucket, mailer, mailing, clock, new BackupRetention.KeepAll());
    }

    /**
     * Builds the data plane over the given store, bucket and mailer, with page cursors that only this process
     * reads back; it makes no call to any of them.
     */
    public static DataPlaneAssembly assemble(StudentStore store, ObjectStore bucket, Mailer mailer, Mailing mailing,
                                             Clock clock, BackupRetention retention) {
        return assemble(store, bucket, mailer, mailing, clock, retention, PageCursor.ofRandomSecret());
    }

    /**
     * Builds the data plane over the given store, bucket and mailer, deleting old backups by {@code retention} and
     * signing page cursors with {@code cursors} (one secret per deployment, so that any instance continues any
     * page); it makes no call to any of them.
     */
    public static DataPlaneAssembly assemble(StudentStore store, ObjectStore bucket, Mailer mailer, Mailing mailing,
                                             Clock clock, BackupRetention retention, PageCursor cursors) {
        var students = new StudentService(store, new StudentValidator(clock), mailer,
                new ConfirmationEmail(mailing.language(), mailing.sender()));
        var backups = new BackupService(store, bucket, new JsonSnapshotFormat(), mailer,
                new BackupNoticeEmail(mailing.language(), mailing.sender()), mailing.recipient(), clock, retention);
        var imports = new StudentImport(store, new StudentValidator(clock), mailer,
                new ImportSummaryEmail(mailing.language(), mailing.sender()), mailing.recipient());
        return new DataPlaneAssembly(students, backups,
                new StudentFunctions(students, backups, imports, cursors, mailing.language()),
                new BackupFunctions(backups, mailing.language()));
    }
}
