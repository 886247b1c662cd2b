package dev.studentapi.core.backup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backups in a bucket's {@code backups/} folder, newest first, in pages; counts the listing does not carry are
 * looked up for the page's backups only. Safe for concurrent use.
 */
final class BackupCatalog {

    private final ObjectStore bucket;

    BackupCatalog(ObjectStore bucket) {
        this.bucket = bucket;
    }

    /** Every backup, newest first, with the counts the listing carries. */
    List<Backup> all() throws IOException {
        return bucket.list(BackupName.FOLDER).stream().map(Backup::of).flatMap(Optional::stream)
                .sorted(Backup.NEWEST_FIRST).toList();
    }

    BackupPage page(int limit, Optional<BackupCursor> after) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one backup: " + limit);
        }
        List<Backup> rest = all().stream().filter(backup -> after.map(c -> c.precedes(backup)).orElse(true))
                .toList();
        List<Backup> page = new ArrayList<>();
        for (Backup backup : rest.subList(0, Math.min(limit, rest.size()))) {
            page.add(backup.count().isPresent() ? backup : counted(backup));
        }
        Optional<BackupCursor> next = rest.size() > limit
                ? Optional.of(BackupCursor.after(rest.get(limit - 1))) : Optional.empty();
        return new BackupPage(page, next);
    }

    Optional<Backup> find(BackupName name) throws IOException {
        return bucket.find(name.key()).flatMap(Backup::of);
    }

    /** The backup with the count a full look-up tells, or as it was listed when it is gone meanwhile. */
    private Backup counted(Backup listed) throws IOException {
        return bucket.find(listed.key()).flatMap(Backup::of)
                .map(found -> new Backup(listed.name(), listed.key(), listed.time(), found.count(), listed.bytes()))
                .orElse(listed);
    }
}
