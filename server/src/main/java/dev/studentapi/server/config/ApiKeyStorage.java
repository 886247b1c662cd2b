package dev.studentapi.server.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How API key values are kept ({@code API_KEY_STORAGE}): {@code hash}, the default, stores only a hash, so a value
 * is shown once, at creation; {@code encrypted} also stores it AES-GCM encrypted with {@code API_KEY_ENCRYPTION_KEY}
 * (base64 of 32 bytes; without it, a key generated into the data directory's secrets, SQLite only), so that the
 * control plane returns values where API Gateway does. {@link #toString()} never shows the key.
 */
public record ApiKeyStorage(Mode mode, Optional<String> encryptionKey) {

    /** The two ways of keeping values, by their {@code API_KEY_STORAGE} names. */
    public enum Mode {
        HASH, ENCRYPTED;

        /** The name as {@code API_KEY_STORAGE} spells it. */
        public String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ApiKeyStorage {
        encryptionKey = encryptionKey == null ? Optional.empty() : encryptionKey;
    }

    /** The same key, in another mode (what a migration runs with). */
    public ApiKeyStorage inMode(Mode other) {
        return new ApiKeyStorage(other, encryptionKey);
    }

    @Override
    public String toString() {
        return "ApiKeyStorage[" + mode.setting() + (encryptionKey.isPresent() ? ", key=****" : "") + "]";
    }
}
