package dev.studentapi.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The header of a WAL-mode database's shared-memory index ({@code <file>-shm}), mapped read-only: SQLite
 * increments its change counter on every commit, from any process, and the file stays in place while a
 * connection is open. Layout from SQLite's documented WAL-index format: a 48-byte header, native byte order,
 * {@code iVersion} at offset 0 (3007000), {@code iChange} at 8, {@code isInit} at 12, {@code mxFrame} at 16.
 */
final class WalIndexHeader {

    private static final Logger LOG = LoggerFactory.getLogger(WalIndexHeader.class);
    private static final int HEADER_BYTES = 48;
    private static final int FORMAT_VERSION = 3_007_000;

    private final MappedByteBuffer header;

    private WalIndexHeader(MappedByteBuffer header) {
        this.header = header;
    }

    /** Maps the index of the database {@code file}; empty (with the reason logged) when it is not there. */
    static Optional<WalIndexHeader> map(Path file) {
        Path index = file.resolveSibling(file.getFileName() + "-shm");
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.READ)) {
            if (channel.size() < HEADER_BYTES) {
                LOG.debug("SQLite WAL index {} too short; change checks use PRAGMA data_version", index);
                return Optional.empty();
            }
            MappedByteBuffer header = channel.map(FileChannel.MapMode.READ_ONLY, 0, HEADER_BYTES);
            header.order(ByteOrder.nativeOrder());
            if (header.getInt(0) != FORMAT_VERSION || header.get(12) != 1) {
                LOG.debug("SQLite WAL index {} has an unknown format; change checks use PRAGMA data_version", index);
                return Optional.empty();
            }
            return Optional.of(new WalIndexHeader(header));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("SQLite WAL index {} cannot be mapped ({}); change checks use PRAGMA data_version", index,
                    e.toString());
            return Optional.empty();
        }
    }

    /**
     * The commit counter and the WAL frame count together: every commit changes the first, a WAL restart the
     * second. A read torn by a concurrent commit gives a value seen neither before nor after, which callers
     * treat as a change.
     */
    long commitVersion() {
        return ((long) header.getInt(8) << 32) | (header.getInt(16) & 0xFFFF_FFFFL);
    }
}
