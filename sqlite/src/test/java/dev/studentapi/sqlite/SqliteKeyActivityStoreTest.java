package dev.studentapi.sqlite;

import dev.studentapi.core.lifecycle.KeyActivityStore;
import dev.studentapi.testkit.contract.KeyActivityStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteKeyActivityStoreTest extends KeyActivityStoreContract {
    @TempDir
    Path folder;
    private SqliteDatabase database;

    @Override
    protected KeyActivityStore newStore() {
        database = SqliteDatabase.open(folder.resolve("data/studentapi.db"));
        return new SqliteKeyActivityStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
