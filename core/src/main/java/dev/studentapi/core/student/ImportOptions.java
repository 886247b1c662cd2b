package dev.studentapi.core.student;

import java.util.Objects;

/** How an import treats ids already stored, and whether it only validates. */
public record ImportOptions(ConflictPolicy onConflict, boolean dryRun) {
    public ImportOptions {
        Objects.requireNonNull(onConflict, "onConflict");
    }

    /** {@code onConflict=fail}, stored for real. */
    public static ImportOptions defaults() {
        return new ImportOptions(ConflictPolicy.FAIL, false);
    }
}
