package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite database file (WAL mode) and a small pool of connections to it, shared by the SQLite stores.
 * Safe for concurrent use: a connection serves one thread at a time, writes run one at a time per process in
 * short {@code BEGIN IMMEDIATE} transactions, and other processes that open the same file see each commit at
 * once. Failures throw {@link StoreException} naming the operation.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Connections per process: readers run in parallel, writers take turns anyway. */
    public static final int DEFAULT_CONNECTIONS = 4;
    /** How long a statement waits for another process's write lock before it fails. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final long BORROW_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    private final Path file;
    private final BlockingQueue<Connection> idle;
    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();
    private final ReentrantLock writer = new ReentrantLock();
    private final Connection watcher;
    private final PreparedStatement dataVersion;
    private final List<Runnable> beforeClose = new CopyOnWriteArrayList<>();
    private volatile WalIndexHeader walIndex;
    private volatile boolean closed;

    private SqliteDatabase(Path file, List<Connection> connections, Connection watcher) throws SQLException {
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
        this.watcher = watcher;
        this.dataVersion = watcher.prepareStatement("PRAGMA data_version");
    }

    /** Opens (creating it and its folders when missing) the database file and brings its schema up to date. */
    public static SqliteDatabase open(Path file) {
        return open(file, DEFAULT_CONNECTIONS);
    }

    /**
     * Opens the database file with {@code connections} pooled connections (at least 1). A student stream holds
     * one connection until it ends, so a stream whose sink writes to the same database needs two.
     */
    public static SqliteDatabase open(Path file, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("a SQLite database needs at least one connection");
        }
        Path absolute = file.toAbsolutePath();
        createFolders(absolute);
        List<Connection> opened = new ArrayList<>();
        SqliteDatabase database;
        try {
            for (int i = 0; i <= connections; i++) {
                opened.add(connect(absolute));
            }
            database = new SqliteDatabase(absolute, opened.subList(1, opened.size()), opened.get(0));
        } catch (SQLException e) {
            opened.forEach(SqliteDatabase::closeConnection);
            throw failure("open " + absolute, e);
        }
        try {
            int found = database.write("migrate the schema", SqliteSchema::migrate);
            database.walIndex = WalIndexHeader.map(absolute).orElse(null);
            if (found < SqliteSchema.LATEST) {
                LOG.info("SQLite database {} upgraded from schema version {} to {}", absolute, found,
                        SqliteSchema.LATEST);
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in a read transaction: one consistent snapshot, no locks that block writers. */
    <T, X extends Exception> T read(String operation, SqlWork<T, X> work) throws X {
        Connection connection = borrow(operation);
        try {
            return inTransaction(connection, "BEGIN", operation, work);
        } finally {
            release(connection);
        }
    }

    /**
     * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction, committed when it returns normally and rolled
     * back when it throws. Writers in this process take turns before they take a connection.
     */
    <T, X extends Exception> T write(String operation, SqlWork<T, X> work) throws X {
        writer.lock();
        try {
            Connection connection = borrow(operation);
            try {
                return inTransaction(connection, "BEGIN IMMEDIATE", operation, work);
            } finally {
                release(connection);
            }
        } finally {
            writer.unlock();
        }
    }

    /**
     * A number that changes whenever a transaction that changed the file commits, in this process or another:
     * equal numbers from two calls mean nothing was committed in between, so a value read after the first call
     * is still current. Reads the commit counter of the WAL index (a few nanoseconds); where that cannot be
     * mapped, asks {@code PRAGMA data_version} on a connection of its own that never writes.
     */
    public long changeVersion() {
        WalIndexHeader header = walIndex;
        if (header != null) {
            return header.commitVersion();
        }
        synchronized (dataVersion) {
            try (ResultSet rows = dataVersion.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw failure("read the data version", e);
            }
        }
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

    /** Runs {@code action} when the database closes, before its connections do (to write what is pending). */
    void beforeClose(Runnable action) {
        beforeClose.add(action);
    }

    /** Whether the statement failed on a PRIMARY KEY or UNIQUE constraint. */
    static boolean violatesUniqueness(SQLException e) {
        return e instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                        || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    }

    static StoreException failure(String operation, SQLException e) {
        return new StoreException("SQLite failed to " + operation + ": " + e.getMessage(), e);
    }

    /** Closes every connection; those in use close when they are given back. */
    @Override
    public void close() {
        if (!closed) {
            for (Runnable action : beforeClose) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("SQLite: a task before closing {} failed: {}", file, e.getMessage());
                }
            }
        }
        List<Connection> toClose = new ArrayList<>();
        boolean wasOpen;
        synchronized (this) {
            wasOpen = !closed;
            closed = true;
            idle.drainTo(toClose);
        }
        toClose.forEach(this::closeQuietly);
        if (wasOpen) {
            walIndex = null;
            synchronized (dataVersion) {
                closeQuietly(watcher);
            }
        }
    }

    private static <T, X extends Exception> T inTransaction(Connection connection, String begin, String operation,
                                                            SqlWork<T, X> work) throws X {
        try {
            execute(connection, begin);
        } catch (SQLException e) {
            throw failure(operation, e);
        }
        boolean committed = false;
        try {
            T result = work.apply(connection);
            execute(connection, "COMMIT");
            committed = true;
            return result;
        } catch (SQLException e) {
            throw failure(operation, e);
        } finally {
            if (!committed) {
                rollbackQuietly(connection);
            }
        }
    }

    private Connection borrow(String operation) {
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

    private void release(Connection connection) {
        synchronized (this) {
            if (!closed) {
                idle.add(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static void createFolders(Path file) {
        Path folder = file.getParent();
        if (folder != null) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new StoreException("SQLite failed to create the folder " + folder, e);
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

    private void closeQuietly(Connection connection) {
        statements.remove(connection);
        closeConnection(connection);
    }

    private static void closeConnection(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("SQLite failed to close a connection", e);
        }
    }
}
