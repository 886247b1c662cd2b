package dev.studentapi.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The journal that makes an outbox's messages durable with one flush per batch instead of one per file: each
 * batch of messages is appended (name, bytes, checksum) and forced to disk once, and the {@code .eml} files
 * themselves are written without a flush of their own. Once the journal has grown past its limit, a checkpoint
 * flushes the file system holding the outbox and empties the journal. A journal left by a process that ended
 * without its checkpoint (a crash, a power loss) is replayed by the next mailer of the same outbox: every
 * message missing from the folder, or cut short, is written again, so a message acknowledged once is never lost.
 * Each mailer has a journal of its own, locked while it lives. Used by one thread at a time.
 */
final class OutboxJournal implements AutoCloseable {

    /** Journal bytes after which the next batch first checkpoints. */
    static final long DEFAULT_LIMIT = 32L << 20;
    private static final String SUFFIX = ".journal";
    private static final int MAX_FIELD = 64 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One message of a batch: its file name in the outbox and its bytes. */
    record Entry(String name, byte[] content) {
    }

    private final Path outboxDir;
    private final FileChannel channel;
    private final FileLock lock;
    private final long limit;
    private final List<String> sinceCheckpoint = new ArrayList<>();

    private OutboxJournal(Path outboxDir, FileChannel channel, FileLock lock, long limit) {
        this.outboxDir = outboxDir;
        this.channel = channel;
        this.lock = lock;
        this.limit = limit;
    }

    /** The folder of the journals of {@code outboxDir}: a hidden folder beside it. */
    static Path folderOf(Path outboxDir) {
        return outboxDir.resolveSibling("." + outboxDir.getFileName() + "-journal");
    }

    /**
     * Replays the journals of {@code outboxDir} that no living mailer holds (then deletes them) and opens a new,
     * locked journal for this mailer. The outbox folder exists.
     */
    static OutboxJournal open(Path outboxDir, long limit) throws IOException {
        Path folder = Files.createDirectories(folderOf(outboxDir));
        replayAbandoned(folder, outboxDir);
        Path file = folder.resolve(HexFormat.of().formatHex(randomBytes()) + SUFFIX);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            forceFolder(folder);
            return new OutboxJournal(outboxDir, channel, lock, limit);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Appends the batch and forces it to disk: from here on, every message of it survives a crash. */
    void append(List<Entry> batch) throws IOException {
        if (channel.size() >= limit) {
            checkpoint();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Entry entry : batch) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            out.writeInt(entry.content().length);
            out.write(entry.content());
            out.writeLong(checksum(name, entry.content()));
            sinceCheckpoint.add(entry.name());
        }
        out.flush();
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /**
     * Makes every message written since the last checkpoint durable in the outbox itself, then empties the
     * journal: one flush of the whole file system ({@code sync -f}), or where that is not to be had, one of each
     * file and of the folder.
     */
    void checkpoint() throws IOException {
        if (!syncFileSystem(outboxDir)) {
            for (String name : sinceCheckpoint) {
                forceFile(outboxDir.resolve(name));
            }
            forceFolder(outboxDir);
        }
        sinceCheckpoint.clear();
        channel.truncate(0);
        channel.force(true);
    }

    /** Closes the journal after a checkpoint, so that nothing is left to replay. */
    @Override
    public void close() throws IOException {
        try {
            checkpoint();
        } finally {
            lock.release();
            channel.close();
        }
    }

    private static void replayAbandoned(Path folder, Path outboxDir) throws IOException {
        List<Path> abandoned = new ArrayList<>();
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            journals.forEach(abandoned::add);
        }
        for (Path journal : abandoned) {
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException heldHere) {
                    continue; // another mailer of this process writes it
                }
                if (lock == null) {
                    continue; // another process writes it
                }
                List<String> rewritten = replay(channel, outboxDir);
                for (String name : rewritten) {
                    forceFile(outboxDir.resolve(name));
                }
                forceFolder(outboxDir);
                Files.delete(journal);
            }
        }
        forceFolder(folder);
    }

    /** Writes again each whole entry whose file is missing or differs; a torn last entry was never acknowledged. */
    private static List<String> replay(FileChannel channel, Path outboxDir) throws IOException {
        List<String> rewritten = new ArrayList<>();
        InputStream raw = Channels.newInputStream(channel.position(0));
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        while (true) {
            byte[] name;
            byte[] content;
            try {
                name = readField(in);
                content = readField(in);
                if (name == null || content == null || in.readLong() != checksum(name, content)) {
                    break;
                }
            } catch (EOFException torn) {
                break;
            }
            String fileName = new String(name, StandardCharsets.UTF_8);
            Path target = outboxDir.resolve(fileName);
            if (!target.getParent().equals(outboxDir)) {
                break; // not a name this journal writes
            }
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
                OutboxFiles.write(outboxDir, fileName, content);
                rewritten.add(fileName);
            }
        }
        return rewritten;
    }

    /** A length-prefixed field, or {@code null} when the length cannot be one (a torn or foreign entry). */
    private static byte[] readField(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FIELD) {
            return null;
        }
        byte[] field = in.readNBytes(length);
        if (field.length < length) {
            throw new EOFException("torn entry");
        }
        return field;
    }

    private static long checksum(byte[] name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(content);
        return crc.getValue();
    }

    /** Whether {@code sync -f} flushed the file system that holds {@code folder}. */
    private static boolean syncFileSystem(Path folder) {
        try {
            Process sync = new ProcessBuilder("sync", "-f", folder.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return sync.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void forceFile(Path file) throws IOException {
        if (Files.exists(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    /** Flushes a folder's entries (new and renamed files); a platform that cannot open a folder skips it. */
    static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException notOnThisPlatform) {
            // Windows cannot open a folder as a file; its renames are durable on their own
        }
    }

    private static byte[] randomBytes() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return random;
    }
}
