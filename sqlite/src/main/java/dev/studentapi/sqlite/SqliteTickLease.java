package dev.studentapi.sqlite;

import dev.studentapi.core.schedule.TickLease;

import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Schedule ticks claimed in the {@code schedule_ticks} table: the primary key lets exactly one process claim
 * each tick. Safe for concurrent use and across processes.
 */
public final class SqliteTickLease implements TickLease {

    private static final String CLAIM =
            "INSERT OR IGNORE INTO schedule_ticks (schedule, tick_millis, holder) VALUES (?, ?, ?)";

    private final SqliteDatabase database;

    public SqliteTickLease(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public boolean claim(String schedule, Instant tick, String holder) {
        return database.write("claim a schedule tick", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setString(1, schedule);
                statement.setLong(2, tick.toEpochMilli());
                statement.setString(3, holder);
                return statement.executeUpdate() == 1;
            }
        });
    }
}
