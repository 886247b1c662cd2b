package dev.studentapi.server;

import dev.studentapi.core.apikey.AesGcmKeyValues;
import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.KeyValueStorage;
import dev.studentapi.server.config.ApiKeyStorage;
import dev.studentapi.server.config.Engines;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.config.SettingsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code API_KEY_STORAGE}: the storage of key values the settings ask for, the check that a data directory keeps
 * its mode (a switch is refused unless made by {@code student-api keys migrate-storage}), and that migration.
 * A data directory records its mode in {@code api-key-storage}; where that record is missing (a directory from
 * before it, or another DynamoDB instance), the stored keys tell: any sealed value means encrypted.
 */
public final class ApiKeyValues {
    private ApiKeyValues() {
    }

    /** What a migration changed: keys whose sealed value was dropped, keys left with their hash only. */
    public record Migration(ApiKeyStorage.Mode mode, int dropped, int hashOnly) {}

    /** The storage for {@code storage}'s mode; the encryption key comes from the setting or the data directory. */
    static KeyValueStorage storage(Settings settings, ApiKeyStorage storage) {
        if (storage.mode() == ApiKeyStorage.Mode.HASH) {
            return KeyValueStorage.HASH_ONLY;
        }
        Optional<String> given = storage.encryptionKey();
        if (given.isEmpty() && settings.engines().store() == Engines.Store.DYNAMODB) {
            throw new SettingsException("API_KEY_STORAGE=encrypted with STORE=dynamodb needs API_KEY_ENCRYPTION_KEY "
                    + "(base64 of 32 random bytes, the same on every instance), e.g. from: openssl rand -base64 32");
        }
        String key = given.orElseGet(() -> loadOrCreate(settings.dataDir().apiKeyEncryptionKey()));
        try {
            return AesGcmKeyValues.fromBase64(key);
        } catch (IllegalArgumentException e) {
            throw new SettingsException((given.isPresent() ? "API_KEY_ENCRYPTION_KEY" : "The key in "
                    + settings.dataDir().apiKeyEncryptionKey()) + " is not valid: " + e.getMessage()
                    + " (base64 of 32 bytes)");
        }
    }

    /**
     * Refuses to run in another mode than the one the data directory keeps, or with a key that does not open its
     * values; records the mode when the directory has none yet.
     */
    static void requireSameMode(Settings settings, ApiKeyStore keys, KeyValueStorage values) {
        ApiKeyStorage.Mode wanted = settings.apiKeyStorage().mode();
        List<ApiKey> stored = keys.list();
        Optional<ApiKeyStorage.Mode> kept = recorded(settings);
        if (kept.isEmpty() && !stored.isEmpty()) {
            kept = Optional.of(stored.stream().anyMatch(k -> k.sealed().isPresent())
                    ? ApiKeyStorage.Mode.ENCRYPTED : ApiKeyStorage.Mode.HASH);
        }
        if (kept.isPresent() && kept.get() != wanted) {
            throw new SettingsException("API_KEY_STORAGE=" + wanted.setting() + ", but the keys of " + settings.dataDir()
                    + " are kept as API_KEY_STORAGE=" + kept.get().setting() + ". Keep API_KEY_STORAGE="
                    + kept.get().setting() + ", or switch with: student-api keys migrate-storage " + wanted.setting()
                    + (wanted == ApiKeyStorage.Mode.HASH ? " (which drops the stored values)" : ""));
        }
        requireOpens(keys, values, stored);
        if (kept.isEmpty()) {
            record(settings, wanted);
        }
    }

    /**
     * Switches the data directory to {@code target}: to hash, every sealed value is dropped; to encrypted, keys
     * made before keep their hash only (their values were never stored) and new keys are sealed.
     */
    static Migration migrate(Settings settings, ApiKeyStore keys, ApiKeyStorage.Mode target,
                             KeyValueStorage values) {
        List<ApiKey> stored = keys.list();
        int dropped = 0;
        int hashOnly = 0;
        if (target == ApiKeyStorage.Mode.HASH) {
            for (ApiKey key : stored) {
                if (key.sealed().isPresent() && keys.update(key.withSealedValue(null))) {
                    dropped++;
                }
            }
        } else {
            requireOpens(keys, values, stored);
            hashOnly = (int) stored.stream().filter(k -> k.sealed().isEmpty()).count();
        }
        record(settings, target);
        return new Migration(target, dropped, hashOnly);
    }

    private static void requireOpens(ApiKeyStore keys, KeyValueStorage values, List<ApiKey> stored) {
        for (ApiKey key : stored) {
            if (key.sealed().isPresent() && values != KeyValueStorage.HASH_ONLY) {
                try {
                    values.open(key.sealed().get());
                } catch (AesGcmKeyValues.WrongKey e) {
                    throw new SettingsException("API_KEY_ENCRYPTION_KEY does not open the stored key values ("
                            + e.getMessage() + "); give the key they were encrypted with");
                }
                return;
            }
        }
    }

    private static Optional<ApiKeyStorage.Mode> recorded(Settings settings) {
        Path file = settings.dataDir().apiKeyStorageMode();
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return Optional.of(ApiKeyStorage.Mode.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("Cannot read " + file + " (hash or encrypted): " + e.getMessage());
        }
    }

    private static void record(Settings settings, ApiKeyStorage.Mode mode) {
        Path file = settings.dataDir().apiKeyStorageMode();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, mode.setting() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException("Cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The base64 key in {@code file}, made (32 random bytes, readable by the owner only) when there is none. */
    private static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path written = Files.createTempFile(file.toAbsolutePath().getParent(), "api-key-encryption", ".tmp");
                try {
                    if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                    }
                    Files.writeString(written, AesGcmKeyValues.newKeyBase64());
                    Files.move(written, file);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                } finally {
                    Files.deleteIfExists(written);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new SettingsException("Cannot read or create the API key encryption key " + file + ": "
                    + e.getMessage());
        }
    }
}
