package dev.studentapi.core.backup;

import java.util.List;
import java.util.Optional;

/** A page of the backup listing, newest first, and where the next page starts when more remain. */
public record BackupPage(List<Backup> backups, Optional<BackupCursor> next) {
    public BackupPage {
        backups = List.copyOf(backups);
    }
}
