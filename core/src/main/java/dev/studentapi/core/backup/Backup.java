package dev.studentapi.core.backup;

import java.time.Instant;
import java.util.Comparator;
import java.util.OptionalLong;

/** A backup in the bucket: its name and key, when it was written, how many students it holds (when known) and its size. */
public record Backup(BackupName name, String key, Instant time, OptionalLong count, long bytes) {

    /** Newest first; among backups of the same time, by name descending. */
    public static final Comparator<Backup> NEWEST_FIRST = Comparator.comparing(Backup::time)
            .thenComparing(backup -> backup.name().value()).reversed();

    /** The backup that {@code object} is, when its key is a backup's. */
    static java.util.Optional<Backup> of(StoredObject object) {
        return BackupName.ofKey(object.key()).map(name -> new Backup(name, object.key(), object.lastModified(),
                object.count(), object.bytes()));
    }
}
