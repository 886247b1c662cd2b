package dev.studentapi.sqlite;

import dev.studentapi.core.student.StudentStore;
import dev.studentapi.testkit.contract.StudentStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteStudentStoreTest extends StudentStoreContract {
    @TempDir
    Path folder;
    private SqliteDatabase database;

    @Override
    protected StudentStore newStore() {
        database = SqliteDatabase.open(folder.resolve("data/studentapi.db"));
        return new SqliteStudentStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
