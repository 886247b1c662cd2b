package dev.studentapi.core.backup;

import java.util.Optional;

/** How a restore treats the current table: merge inserts what is missing and keeps what exists; replace makes
 *  the table exactly the backup. */
public enum RestoreMode {
    MERGE, REPLACE;

    /** The mode named {@code merge} or {@code replace}. */
    public static Optional<RestoreMode> parse(String text) {
        for (RestoreMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** {@code merge} or {@code replace}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
