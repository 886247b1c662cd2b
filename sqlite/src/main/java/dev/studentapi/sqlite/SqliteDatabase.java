package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One SQLite database file (WAL mode), shared by the SQLite stores: its {@link SqliteConnectionPool connection
 * pool}, the {@link SqliteTransactions transactions} run on it and its {@link SqliteCommitCounter commit counter}.
 * Safe for concurrent use; other processes that open the same file see each commit at once. Failures throw
 * {@link StoreException} naming the operation.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Connections per process: readers run in parallel, writers take turns anyway. */
    public static final int DEFAULT_CONNECTIONS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    private final Path file;
    private final SqliteConnectionPool pool;
    private final SqliteTransactions transactions;
    private final SqliteCommitCounter commits;
    private final List<Runnable> beforeClose = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private SqliteDatabase(Path file, SqliteConnectionPool pool, SqliteCommitCounter commits) {
        this.file = file;
        this.pool = pool;
        this.transactions = new SqliteTransactions(pool);
        this.commits = commits;
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
        SqliteDatabase database;
        SqliteCommitCounter commits = null;
        try {
            commits = SqliteCommitCounter.open(absolute);
            database = new SqliteDatabase(absolute, SqliteConnectionPool.open(absolute, connections), commits);
        } catch (SQLException e) {
            if (commits != null) {
                commits.close();
            }
            throw SqliteFailure.of("open " + absolute, e);
        }
        try {
            int found = database.write("migrate the schema", SqliteSchema::migrate);
            commits.mapWalIndex(absolute);
            if (found == 0) {
                LOG.info("SQLite database {} created (schema version {})", absolute, SqliteSchema.LATEST);
            } else if (found < SqliteSchema.LATEST) {
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
        return transactions.read(operation, work);
    }

    /**
     * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction, committed when it returns normally and rolled
     * back when it throws. Writers in this process take turns before they take a connection.
     */
    <T, X extends Exception> T write(String operation, SqlWork<T, X> work) throws X {
        return transactions.write(operation, work);
    }

    /**
     * A number that changes whenever a transaction that changed the file commits, in this process or another:
     * equal numbers from two calls mean nothing was committed in between (see {@link SqliteCommitCounter}).
     */
    public long changeVersion() {
        return commits.current();
    }

    /** The statement for {@code sql} on {@code connection}, prepared once per connection; never close it. */
    PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        return pool.prepared(connection, sql);
    }

    /** Runs {@code action} when the database closes, before its connections do (to write what is pending). */
    void beforeClose(Runnable action) {
        beforeClose.add(action);
    }

    /** Closes every connection; those in use close when they are given back. */
    @Override
    public void close() {
        boolean wasOpen;
        synchronized (this) {
            wasOpen = !closed;
            closed = true;
        }
        if (!wasOpen) {
            return;
        }
        for (Runnable action : beforeClose) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("SQLite: a task before closing {} failed: {}", file, e.getMessage());
            }
        }
        pool.close();
        commits.close();
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
}
