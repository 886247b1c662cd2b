package dev.studentapi.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs work in transactions on connections of a pool: reads in plain {@code BEGIN} transactions side by side,
 * writes in short {@code BEGIN IMMEDIATE} ones that take turns within this process. Committed when the work
 * returns normally, rolled back when it throws; an engine failure throws a StoreException naming the operation.
 */
final class SqliteTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteTransactions.class);

    private final SqliteConnectionPool pool;
    private final ReentrantLock writer = new ReentrantLock();

    SqliteTransactions(SqliteConnectionPool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in a read transaction: one consistent snapshot, no locks that block writers. */
    <T, X extends Exception> T read(String operation, SqlWork<T, X> work) throws X {
        Connection connection = pool.borrow(operation);
        try {
            return inTransaction(connection, "BEGIN", operation, work);
        } finally {
            pool.release(connection);
        }
    }

    /** Runs {@code work} in a write transaction; writers in this process take turns before they take a connection. */
    <T, X extends Exception> T write(String operation, SqlWork<T, X> work) throws X {
        writer.lock();
        try {
            Connection connection = pool.borrow(operation);
            try {
                return inTransaction(connection, "BEGIN IMMEDIATE", operation, work);
            } finally {
                pool.release(connection);
            }
        } finally {
            writer.unlock();
        }
    }

    private static <T, X extends Exception> T inTransaction(Connection connection, String begin, String operation,
                                                            SqlWork<T, X> work) throws X {
        try {
            execute(connection, begin);
        } catch (SQLException e) {
            throw SqliteFailure.of(operation, e);
        }
        boolean committed = false;
        try {
            T result = work.apply(connection);
            execute(connection, "COMMIT");
            committed = true;
            return result;
        } catch (SQLException e) {
            throw SqliteFailure.of(operation, e);
        } finally {
            if (!committed) {
                rollbackQuietly(connection);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("SQLite rollback failed (no transaction was open)", e);
        }
    }
}
