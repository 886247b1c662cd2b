package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of connections to one SQLite file (WAL mode, busy timeout, foreign keys), each with the statements
 * prepared on it. Safe for concurrent use: a connection serves one borrower at a time, and a borrower waits for
 * one to become free; after {@link #close()}, borrowing fails and connections close as they are given back.
 */
final class SqliteConnectionPool implements AutoCloseable {

    /** How long a statement waits for another process's write lock before it fails. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final long BORROW_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteConnectionPool.class);

    private final BlockingQueue<Connection> idle;
    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private SqliteConnectionPool(List<Connection> connections) {
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    /** Opens {@code size} connections (at least 1) to {@code file}, or none when one of them fails. */
    static SqliteConnectionPool open(Path file, int size) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                opened.add(connect(file));
            }
        } catch (SQLException e) {
            opened.forEach(SqliteConnectionPool::closeConnection);
            throw e;
        }
        return new SqliteConnectionPool(opened);
    }

    /** A connection to {@code file} configured for shared, concurrent use by several processes. */
    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** A free connection for {@code operation} (named in the failure), waiting for one when all are in use. */
    Connection borrow(String operation) {
        if (closed) {
            throw new StoreException("SQLite failed to " + operation + ": the database is closed");
        }
        try {
            Connection connection = idle.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (connection == null) {
                throw new StoreException("SQLite failed to " + operation + ": no connection became free within "
                        + BORROW_TIMEOUT_SECONDS + " s" + (closed ? " (the database is closed)" : ""));
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("SQLite was interrupted while waiting to " + operation, e);
        }
    }

    /** Gives a borrowed connection back; closes it when the pool has closed meanwhile. */
    void release(Connection connection) {
        synchronized (this) {
            if (!closed) {
                idle.add(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    /**
     * The statement for {@code sql} on {@code connection}, prepared on first use and kept with the connection:
     * preparing is a good part of a short query's cost. The caller binds every parameter, closes its result set
     * and never closes the statement.
     */
    PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> cache = statements.computeIfAbsent(connection, c -> new HashMap<>());
        PreparedStatement statement = cache.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            cache.put(sql, statement);
        }
        return statement;
    }

    /** Closes every idle connection; those in use close when they are given back. */
    @Override
    public void close() {
        List<Connection> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.drainTo(toClose);
        }
        toClose.forEach(this::closeQuietly);
    }

    private void closeQuietly(Connection connection) {
        statements.remove(connection);
        closeConnection(connection);
    }

    static void closeConnection(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("SQLite failed to close a connection", e);
        }
    }
}
