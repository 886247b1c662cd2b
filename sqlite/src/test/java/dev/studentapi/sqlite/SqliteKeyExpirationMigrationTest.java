package dev.studentapi.sqlite;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.KeyHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration that moves a key's expiration from {@code key_activity} onto the key in {@code api_keys}. */
class SqliteKeyExpirationMigrationTest {
    @TempDir
    Path folder;

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00.250Z");

    @Test
    void anExpirationKeptBesideTheKeyMovesOntoTheKeyAndTheLastUseStays() {
        Path file = folder.resolve("student-api.db");
        SqliteDatabase before = SqliteDatabase.open(file);
        new SqliteApiKeyStore(before).create(new ApiKey("k1", "expiring", "", true, CREATED, CREATED,
                KeyHash.of("value-one-0123456789")));
        new SqliteApiKeyStore(before).create(new ApiKey("k2", "lasting", "", true, CREATED, CREATED,
                KeyHash.of("value-two-0123456789")));
        before.write("go back to the schema before the move", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE api_keys DROP COLUMN expiration_millis");
                statement.execute("INSERT INTO key_activity (key_id, last_used_millis, expiration_millis) VALUES "
                        + "('k1', 1000, " + EXPIRES.toEpochMilli() + "), ('k2', 2000, NULL)");
                statement.execute("PRAGMA user_version = " + (SqliteSchema.LATEST - 1));
            }
            return null;
        });
        before.close();

        SqliteDatabase after = SqliteDatabase.open(file);
        try {
            SqliteApiKeyStore keys = new SqliteApiKeyStore(after);
            assertThat(keys.findById("k1").flatMap(ApiKey::expiration)).contains(EXPIRES);
            assertThat(keys.findByHash(KeyHash.of("value-one-0123456789")).flatMap(ApiKey::expiration))
                    .contains(EXPIRES);
            assertThat(keys.findById("k2").flatMap(ApiKey::expiration)).isEmpty();
            assertThat(new SqliteKeyActivityStore(after).find("k1").flatMap(a -> a.lastUsedDate()))
                    .contains(Instant.ofEpochMilli(1000));
        } finally {
            after.close();
        }
    }
}
