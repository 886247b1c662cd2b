package dev.studentapi.sqlite;

import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.testkit.contract.AuditLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteAuditLogTest extends AuditLogContract {
    @TempDir
    Path folder;
    private SqliteDatabase database;

    @Override
    protected AuditLog newLog() {
        database = SqliteDatabase.open(folder.resolve("data/studentapi.db"));
        return new SqliteAuditLog(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
