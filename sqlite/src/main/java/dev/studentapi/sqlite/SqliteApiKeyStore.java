package dev.studentapi.sqlite;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.apikey.SealedValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API keys in the {@code api_keys} table of a SQLite database: metadata, expiration and value hash (and the
 * value only sealed, when values are kept encrypted), never a value in clear;
 * timestamps are kept to the millisecond. Safe for concurrent use and across processes; engine failures throw
 * {@link dev.studentapi.core.StoreException}.
 */
public final class SqliteApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS =
            "id, name, description, enabled, created_millis, updated_millis, value_hash, customer_id, tags, "
            + "sealed_value, expiration_millis";

    /** Lookups by value hash kept between commits: every request with a key makes one. */
    private static final int CACHED_HASHES = 10_000;

    private final SqliteDatabase database;
    private final CommitScopedCache<KeyHash, Optional<ApiKey>> byHash;

    public SqliteApiKeyStore(SqliteDatabase database) {
        this.database = database;
        this.byHash = new CommitScopedCache<>(database, CACHED_HASHES);
    }

    @Override
    public boolean create(ApiKey key) {
        return database.write("create an API key", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, key.id());
                bindFields(statement, key, 2);
                bindExpiration(statement, 11, key.expiration());
                statement.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (SqliteFailure.violatesUniqueness(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return database.read("find an API key by id", connection -> first(connection, "id", id));
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return byHash.get(hash, h -> database.read("find an API key by hash",
                connection -> first(connection, "value_hash", h.hex())));
    }

    @Override
    public List<ApiKey> list() {
        return database.read("list API keys", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_keys ORDER BY name, id");
                 ResultSet rows = statement.executeQuery()) {
                List<ApiKey> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(key(rows));
                }
                return keys;
            }
        });
    }

    @Override
    public boolean update(ApiKey key) {
        return database.write("update an API key", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE api_keys SET name = ?, "
                    + "description = ?, enabled = ?, created_millis = ?, updated_millis = ?, value_hash = ?, customer_id = ?, "
                    + "tags = ?, sealed_value = ? WHERE id = ?")) {
                bindFields(statement, key, 1);
                statement.setString(10, key.id());
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean setExpiration(String id, Optional<Instant> expiration) {
        return database.write("set an API key's expiration", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE api_keys SET expiration_millis = ? WHERE id = ?")) {
                bindExpiration(statement, 1, expiration);
                statement.setString(2, id);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write("delete an API key", connection -> {
            try (PreparedStatement bindings = connection.prepareStatement(
                    "DELETE FROM usage_plan_keys WHERE key_id = ?");
                 PreparedStatement key = connection.prepareStatement("DELETE FROM api_keys WHERE id = ?")) {
                bindings.setString(1, id);
                bindings.executeUpdate();
                key.setString(1, id);
                return key.executeUpdate() == 1;
            }
        });
    }

    /**
     * Binds name, description, enabled, created, updated, value hash, customer id, tags and sealed value from
     * parameter {@code first} on.
     */
    private static void bindFields(PreparedStatement statement, ApiKey key, int first) throws SQLException {
        statement.setString(first, key.name());
        statement.setString(first + 1, key.description());
        statement.setInt(first + 2, key.enabled() ? 1 : 0);
        statement.setLong(first + 3, key.createdDate().toEpochMilli());
        statement.setLong(first + 4, key.lastUpdatedDate().toEpochMilli());
        statement.setString(first + 5, key.valueHash().hex());
        statement.setString(first + 6, key.customerId());
        statement.setString(first + 7, TagText.write(key.tags()));
        statement.setObject(first + 8, key.sealed().map(SealedValue::text).orElse(null), Types.VARCHAR);
    }

    private static void bindExpiration(PreparedStatement statement, int index, Optional<Instant> expiration)
            throws SQLException {
        if (expiration.isPresent()) {
            statement.setLong(index, expiration.get().toEpochMilli());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private Optional<ApiKey> first(Connection connection, String column, String value) throws SQLException {
        PreparedStatement statement = database.prepared(connection,
                "SELECT " + COLUMNS + " FROM api_keys WHERE " + column + " = ?");
        statement.setString(1, value);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(key(rows)) : Optional.empty();
        }
    }

    private static Instant expiration(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static ApiKey key(ResultSet rows) throws SQLException {
        return new ApiKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4) == 1,
                Instant.ofEpochMilli(rows.getLong(5)), Instant.ofEpochMilli(rows.getLong(6)),
                new KeyHash(rows.getString(7)), rows.getString(8), TagText.read(rows.getString(9)),
                Optional.ofNullable(rows.getString(10)).map(SealedValue::new).orElse(null), expiration(rows, 11));
    }
}
