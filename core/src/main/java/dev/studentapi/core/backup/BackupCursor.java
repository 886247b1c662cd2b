package dev.studentapi.core.backup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Where a page of the backup listing continues: after the backup of this time and name (an opaque token). */
public record BackupCursor(Instant time, BackupName name) {

    /** The backup the page ended with. */
    public static BackupCursor after(Backup last) {
        return new BackupCursor(last.time(), last.name());
    }

    /** The cursor of a token {@link #token()} made, or empty for anything else. */
    public static Optional<BackupCursor> parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            Instant time = Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon)));
            return BackupName.parse(text.substring(colon + 1)).map(name -> new BackupCursor(time, name));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** URL-safe base64 of {@code <epochMillis>:<name>}. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((time.toEpochMilli() + ":" + name.value()).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code backup} comes after this cursor in the newest-first order. */
    boolean precedes(Backup backup) {
        return Backup.NEWEST_FIRST.compare(new Backup(name, name.key(), time, java.util.OptionalLong.empty(), 0),
                backup) < 0;
    }
}
