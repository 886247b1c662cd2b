package dev.studentapi.sqlite;

import dev.studentapi.testkit.contract.ApiKeyStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteApiKeyStoreTest extends ApiKeyStoreContract {
    @TempDir
    Path folder;
    private SqliteDatabase database;

    @Override
    protected Stores newStores() {
        database = SqliteDatabase.open(folder.resolve("data/studentapi.db"));
        return new Stores(new SqliteApiKeyStore(database), new SqliteUsagePlanStore(database));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
