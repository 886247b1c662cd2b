package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaWindow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * The {@code usage_windows} and {@code usage_days} tables of a SQLite database, as the units a
 * {@link ReservingUsageCounter} reserves and gives back: each step is one transaction, a reservation a
 * {@code BEGIN IMMEDIATE} one, and the change version is the database's commit counter.
 */
final class SqliteUsageUnits implements UsageUnits {

    private static final String WINDOW = "plan_id = ? AND key_id = ? AND window_start = ? AND window_end = ?";
    private static final String SELECT_WINDOW = "SELECT used, generation FROM usage_windows WHERE " + WINDOW;
    private static final String CREATE_WINDOW = "INSERT OR IGNORE INTO usage_windows "
            + "(plan_id, key_id, window_start, window_end, used) VALUES (?, ?, ?, ?, 0)";
    private static final String ADD_TO_WINDOW = "UPDATE usage_windows SET used = used + ? WHERE " + WINDOW;
    private static final String SET_WINDOW = "INSERT INTO usage_windows "
            + "(plan_id, key_id, window_start, window_end, used) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (plan_id, key_id, window_start, window_end) "
            + "DO UPDATE SET used = excluded.used, generation = generation + 1";
    private static final String GIVE_BACK_TO_WINDOW =
            "UPDATE usage_windows SET used = max(0, used - ?) WHERE " + WINDOW + " AND generation = ?";
    private static final String ADD_TO_DAY = "INSERT INTO usage_days (plan_id, key_id, day, used) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (plan_id, key_id, day) DO UPDATE SET used = used + excluded.used";
    private static final String GIVE_BACK_TO_DAY =
            "UPDATE usage_days SET used = max(0, used - ?) WHERE plan_id = ? AND key_id = ? AND day = ?";
    private static final String SELECT_DAYS = "SELECT day, used FROM usage_days "
            + "WHERE plan_id = ? AND key_id = ? AND day BETWEEN ? AND ? AND used > 0 ORDER BY day";

    private final SqliteDatabase database;

    SqliteUsageUnits(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public long changeVersion() {
        return database.changeVersion();
    }

    @Override
    public Count count(Holder holder, QuotaWindow window) {
        return database.read("read the usage of a quota window", connection -> select(connection, holder, window));
    }

    @Override
    public Count reserve(Holder holder, QuotaWindow window, LocalDate day, LongUnaryOperator unitsFor) {
        return database.write("charge a request to a quota", connection -> {
            PreparedStatement create = database.prepared(connection, CREATE_WINDOW);
            bindWindow(create, holder, window, 1);
            create.executeUpdate();
            Count count = select(connection, holder, window);
            long units = unitsFor.applyAsLong(count.used());
            if (units > 0) {
                PreparedStatement add = database.prepared(connection, ADD_TO_WINDOW);
                add.setLong(1, units);
                bindWindow(add, holder, window, 2);
                add.executeUpdate();
                addToDay(connection, holder, day, units);
            }
            return count;
        });
    }

    @Override
    public void giveBack(Holder holder, QuotaWindow window, long generation, LocalDate day, long units) {
        database.write("give back reserved usage", connection -> {
            PreparedStatement statement = database.prepared(connection, GIVE_BACK_TO_WINDOW);
            statement.setLong(1, units);
            bindWindow(statement, holder, window, 2);
            statement.setLong(6, generation);
            statement.executeUpdate();
            giveBackToDay(connection, holder, day, units);
            return null;
        });
    }

    @Override
    public void set(Holder holder, QuotaWindow window, long used, LocalDate day, long unserved) {
        database.write("set the usage of a quota window", connection -> {
            PreparedStatement set = database.prepared(connection, SET_WINDOW);
            bindWindow(set, holder, window, 1);
            set.setLong(5, used);
            set.executeUpdate();
            if (unserved > 0) {
                giveBackToDay(connection, holder, day, unserved);
            }
            return null;
        });
    }

    @Override
    public Map<LocalDate, Long> daily(Holder holder, LocalDate from, LocalDate to) {
        return database.read("read daily usage", connection -> {
            PreparedStatement statement = database.prepared(connection, SELECT_DAYS);
            statement.setString(1, holder.planId());
            statement.setString(2, holder.keyId());
            statement.setString(3, from.toString());
            statement.setString(4, to.toString());
            Map<LocalDate, Long> perDay = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    perDay.put(LocalDate.parse(rows.getString(1)), rows.getLong(2));
                }
            }
            return perDay;
        });
    }

    private Count select(Connection connection, Holder holder, QuotaWindow window) throws SQLException {
        PreparedStatement statement = database.prepared(connection, SELECT_WINDOW);
        bindWindow(statement, holder, window, 1);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? new Count(rows.getLong(1), rows.getLong(2)) : new Count(0, 0);
        }
    }

    private void addToDay(Connection connection, Holder holder, LocalDate day, long units) throws SQLException {
        PreparedStatement statement = database.prepared(connection, ADD_TO_DAY);
        statement.setString(1, holder.planId());
        statement.setString(2, holder.keyId());
        statement.setString(3, day.toString());
        statement.setLong(4, units);
        statement.executeUpdate();
    }

    private void giveBackToDay(Connection connection, Holder holder, LocalDate day, long units)
            throws SQLException {
        PreparedStatement statement = database.prepared(connection, GIVE_BACK_TO_DAY);
        statement.setLong(1, units);
        statement.setString(2, holder.planId());
        statement.setString(3, holder.keyId());
        statement.setString(4, day.toString());
        statement.executeUpdate();
    }

    private static void bindWindow(PreparedStatement statement, Holder holder, QuotaWindow window, int first)
            throws SQLException {
        statement.setString(first, holder.planId());
        statement.setString(first + 1, holder.keyId());
        statement.setString(first + 2, window.start().toString());
        statement.setString(first + 3, window.end().toString());
    }
}
