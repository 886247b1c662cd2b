package dev.studentapi.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The commit counter of one SQLite file: a number that changes whenever a transaction that changed the file
 * commits, in this process or another. Reads the WAL index's counter (a few nanoseconds) once it is mapped;
 * until then, or where it cannot be mapped, asks {@code PRAGMA data_version} on a connection of its own that
 * never writes. Safe for concurrent use.
 */
final class SqliteCommitCounter implements AutoCloseable {

    private final Connection watcher;
    private final PreparedStatement dataVersion;
    private volatile WalIndexHeader walIndex;

    private SqliteCommitCounter(Connection watcher, PreparedStatement dataVersion) {
        this.watcher = watcher;
        this.dataVersion = dataVersion;
    }

    /** A counter of {@code file} that asks {@code PRAGMA data_version} until {@link #mapWalIndex} succeeds. */
    static SqliteCommitCounter open(Path file) throws SQLException {
        Connection watcher = SqliteConnectionPool.connect(file);
        try {
            return new SqliteCommitCounter(watcher, watcher.prepareStatement("PRAGMA data_version"));
        } catch (SQLException e) {
            SqliteConnectionPool.closeConnection(watcher);
            throw e;
        }
    }

    /** Switches to the WAL index of {@code file}, which exists once the file is in WAL mode; stays put if not. */
    void mapWalIndex(Path file) {
        walIndex = WalIndexHeader.map(file).orElse(null);
    }

    /**
     * The current count: equal numbers from two calls mean nothing was committed in between, so a value read
     * after the first call is still current.
     */
    long current() {
        WalIndexHeader header = walIndex;
        if (header != null) {
            return header.commitVersion();
        }
        synchronized (dataVersion) {
            try (ResultSet rows = dataVersion.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw SqliteFailure.of("read the data version", e);
            }
        }
    }

    @Override
    public void close() {
        walIndex = null;
        synchronized (dataVersion) {
            SqliteConnectionPool.closeConnection(watcher);
        }
    }
}
