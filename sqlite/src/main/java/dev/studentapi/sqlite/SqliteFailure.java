package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/** How SQLite errors read to the stores' callers: a {@link StoreException} naming the operation. */
final class SqliteFailure {

    private SqliteFailure() {
    }

    static StoreException of(String operation, SQLException e) {
        return new StoreException("SQLite failed to " + operation + ": " + e.getMessage(), e);
    }

    /** Whether the statement failed on a PRIMARY KEY or UNIQUE constraint. */
    static boolean violatesUniqueness(SQLException e) {
        return e instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                        || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    }
}
