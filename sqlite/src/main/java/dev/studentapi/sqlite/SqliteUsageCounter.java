package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request counts per (plan, key) in the {@code usage_windows} and {@code usage_days} tables of a SQLite
 * database. Durable, and atomic across threads and processes: each charge is one {@code BEGIN IMMEDIATE}
 * transaction that counts only while the window is below its limit. Engine failures throw
 * {@link dev.studentapi.core.StoreException}.
 */
public final class SqliteUsageCounter implements UsageCounter {

    private static final String WINDOW = "plan_id = ? AND key_id = ? AND window_start = ? AND window_end = ?";

    private final SqliteDatabase database;

    public SqliteUsageCounter(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        return database.write("charge a request to a quota", connection -> {
            try (PreparedStatement create = connection.prepareStatement("INSERT OR IGNORE INTO usage_windows "
                    + "(plan_id, key_id, window_start, window_end, used) VALUES (?, ?, ?, ?, 0)");
                 PreparedStatement count = connection.prepareStatement(
                         "UPDATE usage_windows SET used = used + 1 WHERE " + WINDOW + " AND used < ?")) {
                bindWindow(create, planId, keyId, window);
                create.executeUpdate();
                bindWindow(count, planId, keyId, window);
                count.setLong(5, limit);
                if (count.executeUpdate() == 0) {
                    return new QuotaCharge.Exhausted(used(connection, planId, keyId, window));
                }
            }
            try (PreparedStatement countDay = connection.prepareStatement("INSERT INTO usage_days "
                    + "(plan_id, key_id, day, used) VALUES (?, ?, ?, 1) "
                    + "ON CONFLICT (plan_id, key_id, day) DO UPDATE SET used = used + 1")) {
                countDay.setString(1, planId);
                countDay.setString(2, keyId);
                countDay.setString(3, day.toString());
                countDay.executeUpdate();
            }
            return new QuotaCharge.Charged(used(connection, planId, keyId, window));
        });
    }

    @Override
    public long used(String planId, String keyId, QuotaWindow window) {
        return database.read("read the usage of a quota window", connection -> used(connection, planId, keyId, window));
    }

    @Override
    public void setUsed(String planId, String keyId, QuotaWindow window, long used) {
        database.write("set the usage of a quota window", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO usage_windows "
                    + "(plan_id, key_id, window_start, window_end, used) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (plan_id, key_id, window_start, window_end) DO UPDATE SET used = excluded.used")) {
                bindWindow(statement, planId, keyId, window);
                statement.setLong(5, Math.max(0, used));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
        return database.read("read daily usage", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT day, used FROM usage_days "
                    + "WHERE plan_id = ? AND key_id = ? AND day BETWEEN ? AND ? AND used > 0 ORDER BY day")) {
                statement.setString(1, planId);
                statement.setString(2, keyId);
                statement.setString(3, from.toString());
                statement.setString(4, to.toString());
                Map<LocalDate, Long> perDay = new TreeMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        perDay.put(LocalDate.parse(rows.getString(1)), rows.getLong(2));
                    }
                }
                return perDay;
            }
        });
    }

    private static long used(Connection connection, String planId, String keyId, QuotaWindow window)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT used FROM usage_windows WHERE " + WINDOW)) {
            bindWindow(statement, planId, keyId, window);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static void bindWindow(PreparedStatement statement, String planId, String keyId, QuotaWindow window)
            throws SQLException {
        statement.setString(1, planId);
        statement.setString(2, keyId);
        statement.setString(3, window.start().toString());
        statement.setString(4, window.end().toString());
    }
}
