package dev.studentapi.core.backup;

import dev.studentapi.core.student.BulkCounts;

/** What a restore did, or why it changed nothing. */
public sealed interface RestoreOutcome {

    /** The table now holds the backup (as the mode says); the table before it is the backup {@code safetyBackup}. */
    record Restored(BackupName name, RestoreMode mode, BackupName safetyBackup, BulkCounts counts)
            implements RestoreOutcome {}

    /** There is no backup of that name. */
    record NotFound(BackupName name) implements RestoreOutcome {}

    /** A replace needs {@code confirm} equal to the backup's name. */
    record ConfirmationRequired(BackupName name) implements RestoreOutcome {}

    /** The file does not parse, is not a backup, or has a row that fails the student rules; nothing changed. */
    record InvalidBackup(BackupName name, SnapshotProblem problem) implements RestoreOutcome {}
}
