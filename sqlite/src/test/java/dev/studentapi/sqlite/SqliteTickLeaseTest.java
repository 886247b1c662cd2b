package dev.studentapi.sqlite;

import dev.studentapi.core.schedule.TickLease;
import dev.studentapi.testkit.contract.TickLeaseContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteTickLeaseTest extends TickLeaseContract {

    @TempDir
    Path dir;
    private SqliteDatabase database;

    @Override
    protected TickLease newLease() {
        database = SqliteDatabase.open(dir.resolve("ticks.db"));
        return new SqliteTickLease(database);
    }

    @AfterEach
    void close() {
        database.close();
    }
}
