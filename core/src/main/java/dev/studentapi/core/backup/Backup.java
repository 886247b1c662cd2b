package dev.studentapi.core.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backup in the bucket: its name and key, when it was taken, how many students it holds (when known) and its
 * size. The time is the one its name gives ({@code backup-yyyyMMdd-HHmmss[-SSS-before-restore].json}, UTC), so that
 * copying the files keeps it; for any other name, when the object was last written.
 */
public record Backup(BackupName name, String key, Instant time, OptionalLong count, long bytes) {

    /** Newest first; among backups of the same time, by name descending. */
    public static final Comparator<Backup> NEWEST_FIRST = Comparator.comparing(Backup::time)
            .thenComparing(backup -> backup.name().value()).reversed();

    private static final Pattern TIMED = Pattern.compile("backup-(\\d{8}-\\d{6})(?:-(\\d{3})-before-restore)?\\.json");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The backup that {@code object} is, when its key is a backup's. */
    static Optional<Backup> of(StoredObject object) {
        return BackupName.ofKey(object.key()).map(name -> new Backup(name, object.key(),
                timeOf(name).orElse(object.lastModified()), object.count(), object.bytes()));
    }

    /** The time a backup's name says it was taken, if it is named like one. */
    static Optional<Instant> timeOf(BackupName name) {
        Matcher timed = TIMED.matcher(name.value());
        if (!timed.matches()) {
            return Optional.empty();
        }
        try {
            Instant seconds = LocalDateTime.parse(timed.group(1), NAME_TIME).toInstant(ZoneOffset.UTC);
            return Optional.of(timed.group(2) == null ? seconds : seconds.plusMillis(Integer.parseInt(timed.group(2))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
