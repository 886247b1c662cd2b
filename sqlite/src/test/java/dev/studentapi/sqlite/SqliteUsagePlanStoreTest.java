package dev.studentapi.sqlite;

import dev.studentapi.core.usage.UsagePlanStore;
import dev.studentapi.testkit.contract.UsagePlanStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteUsagePlanStoreTest extends UsagePlanStoreContract {
    @TempDir
    Path folder;
    private SqliteDatabase database;

    @Override
    protected UsagePlanStore newStore() {
        database = SqliteDatabase.open(folder.resolve("data/studentapi.db"));
        return new SqliteUsagePlanStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
