package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of every SQLite store, as numbered migrations recorded in {@code PRAGMA user_version}. Migrating
 * runs inside the caller's write transaction, so processes opening one file at once migrate it only once.
 */
final class SqliteSchema {

    /** Migration {@code i} takes the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE students (
                studentid TEXT NOT NULL PRIMARY KEY,
                name      TEXT NOT NULL,
                class     TEXT NOT NULL,
                birthdate TEXT NOT NULL,
                email     TEXT NOT NULL
            ) WITHOUT ROWID""",
            """
            CREATE TABLE api_keys (
                id             TEXT    NOT NULL PRIMARY KEY,
                name           TEXT    NOT NULL,
                description    TEXT    NOT NULL,
                enabled        INTEGER NOT NULL CHECK (enabled IN (0, 1)),
                created_millis INTEGER NOT NULL,
                updated_millis INTEGER NOT NULL,
                value_hash     TEXT    NOT NULL UNIQUE
            )""",
            "CREATE INDEX api_keys_by_name ON api_keys (name, id)",
            """
            CREATE TABLE usage_plans (
                id             TEXT    NOT NULL PRIMARY KEY,
                name           TEXT    NOT NULL,
                description    TEXT    NOT NULL,
                throttle_rate  REAL,
                throttle_burst INTEGER,
                quota_limit    INTEGER,
                quota_period   TEXT,
                quota_offset   INTEGER,
                CHECK ((throttle_rate IS NULL) = (throttle_burst IS NULL)),
                CHECK ((quota_limit IS NULL) = (quota_period IS NULL)
                       AND (quota_limit IS NULL) = (quota_offset IS NULL))
            )""",
            "CREATE INDEX usage_plans_by_name ON usage_plans (name, id)",
            """
            CREATE TABLE usage_plan_stages (
                plan_id  TEXT    NOT NULL REFERENCES usage_plans (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                api_id   TEXT    NOT NULL,
                stage    TEXT    NOT NULL,
                PRIMARY KEY (plan_id, position)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE usage_plan_keys (
                plan_id TEXT NOT NULL REFERENCES usage_plans (id) ON DELETE CASCADE,
                key_id  TEXT NOT NULL,
                PRIMARY KEY (plan_id, key_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX usage_plan_keys_by_key ON usage_plan_keys (key_id, plan_id)",
            """
            CREATE TABLE usage_windows (
                plan_id      TEXT    NOT NULL,
                key_id       TEXT    NOT NULL,
                window_start TEXT    NOT NULL,
                window_end   TEXT    NOT NULL,
                used         INTEGER NOT NULL CHECK (used >= 0),
                PRIMARY KEY (plan_id, key_id, window_start, window_end)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE usage_days (
                plan_id TEXT    NOT NULL,
                key_id  TEXT    NOT NULL,
                day     TEXT    NOT NULL,
                used    INTEGER NOT NULL CHECK (used >= 0),
                PRIMARY KEY (plan_id, key_id, day)
            ) WITHOUT ROWID"""), List.of(
            """
            CREATE TABLE schedule_ticks (
                schedule    TEXT    NOT NULL,
                tick_millis INTEGER NOT NULL,
                holder      TEXT    NOT NULL,
                PRIMARY KEY (schedule, tick_millis)
            ) WITHOUT ROWID"""), List.of(
            // bumped by every absolute change of a window's count, so that reserved units of the old count are
            // known to be gone (see SqliteUsageCounter)
            "ALTER TABLE usage_windows ADD COLUMN generation INTEGER NOT NULL DEFAULT 0"), List.of(
            // a key's customer id and tags, a plan's tags (TagText), and a key's value sealed when values are kept
            // encrypted (API_KEY_STORAGE=encrypted; null otherwise)
            "ALTER TABLE api_keys ADD COLUMN customer_id TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE api_keys ADD COLUMN tags TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE api_keys ADD COLUMN sealed_value TEXT",
            "ALTER TABLE usage_plans ADD COLUMN tags TEXT NOT NULL DEFAULT ''"), List.of(
            // the audit log (entry ids sort by time) and each key's last use and expiration, beside api_keys
            """
            CREATE TABLE IF NOT EXISTS audit_log (
                id          TEXT    NOT NULL PRIMARY KEY,
                time_millis INTEGER NOT NULL,
                who         TEXT    NOT NULL,
                operation   TEXT    NOT NULL,
                target      TEXT    NOT NULL,
                before_json TEXT,
                after_json  TEXT
            ) WITHOUT ROWID""",
            "CREATE INDEX IF NOT EXISTS audit_log_by_target ON audit_log (target, id)",
            "CREATE INDEX IF NOT EXISTS audit_log_by_who ON audit_log (who, id)",
            """
            CREATE TABLE IF NOT EXISTS key_activity (
                key_id            TEXT NOT NULL PRIMARY KEY,
                last_used_millis  INTEGER,
                expiration_millis INTEGER
            ) WITHOUT ROWID"""), List.of(
            // migration 6: a plan's throttles of single methods per API stage, keyed {resourcePath}/{httpMethod}
            """
            CREATE TABLE IF NOT EXISTS usage_plan_method_throttles (
                plan_id    TEXT    NOT NULL REFERENCES usage_plans (id) ON DELETE CASCADE,
                api_id     TEXT    NOT NULL,
                stage      TEXT    NOT NULL,
                method_key TEXT    NOT NULL,
                rate       REAL    NOT NULL,
                burst      INTEGER NOT NULL,
                PRIMARY KEY (plan_id, api_id, stage, method_key)
            ) WITHOUT ROWID"""));

    /** The schema version this code writes and reads. */
    static final int LATEST = MIGRATIONS.size();

    private SqliteSchema() {
    }

    /** Brings the schema up to {@link #LATEST}; returns the version found. Call inside a write transaction. */
    static int migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int found = version(statement);
            if (found > LATEST) {
                throw new StoreException("The SQLite database has schema version " + found
                        + ", newer than this program understands (" + LATEST + "); upgrade the program.");
            }
            for (int version = found; version < LATEST; version++) {
                for (String sql : MIGRATIONS.get(version)) {
                    statement.execute(sql);
                }
            }
            if (found < LATEST) {
                statement.execute("PRAGMA user_version = " + LATEST);
            }
            return found;
        }
    }

    private static int version(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
