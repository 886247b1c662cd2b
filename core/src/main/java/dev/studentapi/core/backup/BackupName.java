package dev.studentapi.core.backup;

import java.util.Optional;

/**
 * The name of a backup: its file name in the bucket's {@code backups/} folder ({@code backup-20261201-101500.json}),
 * one plain segment of at most 255 characters, with no slash, backslash, {@code ..}, leading dot or control
 * character.
 */
public record BackupName(String value) {

    /** The folder of the bucket that holds every backup. */
    public static final String FOLDER = "backups/";

    public BackupName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a backup name: " + value);
        }
    }

    /** The name, when {@code text} is one. */
    public static Optional<BackupName> parse(String text) {
        return isValid(text) ? Optional.of(new BackupName(text)) : Optional.empty();
    }

    /** The name of the backup stored at {@code key}, when the key is a backup's (directly in the folder). */
    public static Optional<BackupName> ofKey(String key) {
        return key != null && key.startsWith(FOLDER) ? parse(key.substring(FOLDER.length())) : Optional.empty();
    }

    /** The object key: {@code backups/<name>}. */
    public String key() {
        return FOLDER + value;
    }

    private static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > 255 || text.startsWith(".") || text.contains("..")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || (c >= 0x80 && c < 0xa0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
