package dev.studentapi.sqlite;

import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.testkit.contract.UsageCounterContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteUsageCounterTest extends UsageCounterContract {
    @TempDir
    Path folder;
    private SqliteDatabase database;

    @Override
    protected UsageCounter newCounter() {
        database = SqliteDatabase.open(folder.resolve("data/studentapi.db"));
        return new SqliteUsageCounter(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
