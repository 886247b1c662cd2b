package dev.studentapi.mail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes one message file into an outbox: in full to a hidden temp file, then moved into place atomically. */
final class OutboxFiles {

    private OutboxFiles() {
    }

    /** Writes {@code content} as {@code outboxDir/name}; a reader sees no file or the whole of it, never a part. */
    static void write(Path outboxDir, String name, byte[] content) throws IOException {
        Path temp = Files.createTempFile(outboxDir, ".outbox-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            Files.move(temp, outboxDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }
}
