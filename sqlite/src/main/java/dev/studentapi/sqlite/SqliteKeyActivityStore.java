package dev.studentapi.sqlite;

import dev.studentapi.core.lifecycle.KeyActivity;
import dev.studentapi.core.lifecycle.KeyActivityStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each key's last use in the {@code key_activity} table (its expiration is kept with the key, in
 * {@code api_keys}). Lookups are kept until the next commit to the file, so a change made by any process is seen
 * at the next lookup. Safe for concurrent use and across processes.
 */
public final class SqliteKeyActivityStore implements KeyActivityStore {

    private static final String COLUMNS = "key_id, last_used_millis";
    private static final int CACHED_KEYS = 10_000;

    private final SqliteDatabase database;
    private final CommitScopedCache<String, Optional<KeyActivity>> byKey;

    public SqliteKeyActivityStore(SqliteDatabase database) {
        this.database = database;
        this.byKey = new CommitScopedCache<>(database, CACHED_KEYS);
    }

    @Override
    public Optional<KeyActivity> find(String keyId) {
        return byKey.get(keyId, id -> database.read("find a key's activity", connection -> first(connection, id)));
    }

    @Override
    public List<KeyActivity> list() {
        return database.read("list key activity", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM key_activity");
                 ResultSet rows = statement.executeQuery()) {
                List<KeyActivity> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(activity(rows));
                }
                return all;
            }
        });
    }

    @Override
    public void recordLastUsed(String keyId, Instant time) {
        database.write("record a key's last use", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO key_activity (key_id, "
                    + "last_used_millis) VALUES (?, ?) ON CONFLICT (key_id) DO UPDATE SET last_used_millis = "
                    + "max(coalesce(last_used_millis, 0), excluded.last_used_millis)")) {
                statement.setString(1, keyId);
                statement.setLong(2, time.toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    private Optional<KeyActivity> first(Connection connection, String keyId) throws SQLException {
        PreparedStatement statement = database.prepared(connection,
                "SELECT " + COLUMNS + " FROM key_activity WHERE key_id = ?");
        statement.setString(1, keyId);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(activity(rows)) : Optional.empty();
        }
    }

    private static KeyActivity activity(ResultSet rows) throws SQLException {
        return new KeyActivity(rows.getString(1), millis(rows, 2));
    }

    private static Optional<Instant> millis(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }
}
