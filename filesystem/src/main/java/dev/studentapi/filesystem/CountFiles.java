package dev.studentapi.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The counts of a folder bucket's objects, each in a hidden file beside its object ({@code .<name>.count}, holding
 * {@code <count> <bytes>}), written to a temp file and renamed into place, so it is never half-written. A count
 * whose recorded size differs from the object's (left by a put interrupted between the two renames) is ignored.
 * Safe for concurrent use.
 */
final class CountFiles {

    /** The count file of the object stored in {@code file}. */
    static Path of(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".count");
    }

    /** Records the count of the object about to be renamed into {@code target}, or removes a stale one. */
    void write(Path target, OptionalLong count, long bytes) throws IOException {
        Path countFile = of(target);
        if (count.isEmpty()) {
            Files.deleteIfExists(countFile);
            return;
        }
        Path temp = Files.createTempFile(target.getParent(), FileObjectStore.tempPrefix(target), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((count.getAsLong() + " " + bytes + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temp, countFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** The count of the object in {@code file} of {@code bytes} bytes, when one was recorded for that size. */
    OptionalLong read(Path file, long bytes) throws IOException {
        String text;
        try {
            text = Files.readString(of(file), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException none) {
            return OptionalLong.empty();
        }
        String[] parts = text.split(" ");
        try {
            if (parts.length == 2 && Long.parseLong(parts[1]) == bytes) {
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        } catch (NumberFormatException e) {
            // not written by this class: no count
        }
        return OptionalLong.empty();
    }

    void delete(Path file) throws IOException {
        Files.deleteIfExists(of(file));
    }
}
