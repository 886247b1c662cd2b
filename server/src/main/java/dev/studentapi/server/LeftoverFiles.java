package dev.studentapi.server;

import dev.studentapi.server.config.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes, at start-up, the temporary files a killed server left in the local buckets and the outbox (hidden
 * {@code .*.tmp} files: a backup or an e-mail being written). Only those untouched for {@link #ABANDONED_AFTER}
 * go, since another server on the same data directory may be writing a fresh one. They were never listed or
 * served; this only gives their space back.
 */
final class LeftoverFiles {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverFiles.class);

    private LeftoverFiles() {
    }

    /** Removes the abandoned temporary files under the buckets and the outbox; returns how many went. */
    static int remove(DataDirectory dataDir, Clock clock) {
        Instant cutoff = clock.instant().minus(ABANDONED_AFTER);
        int removed = 0;
        for (Path folder : List.of(dataDir.buckets(), dataDir.outbox())) {
            removed += removeUnder(folder, cutoff);
        }
        if (removed > 0) {
            LOG.info("Removed {} temporary file(s) left by an interrupted backup or e-mail", removed);
        }
        return removed;
    }

    private static int removeUnder(Path folder, Instant cutoff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.find(folder, 8, (file, attributes) -> abandoned(file, attributes, cutoff))) {
            int removed = 0;
            for (Path file : files.toList()) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
            return removed;
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the temporary files under {}: {}", folder, e.getMessage());
            return 0;
        }
    }

    private static boolean abandoned(Path file, BasicFileAttributes attributes, Instant cutoff) {
        String name = file.getFileName().toString();
        return attributes.isRegularFile() && name.startsWith(".") && name.endsWith(".tmp")
                && attributes.lastModifiedTime().toInstant().isBefore(cutoff);
    }
}
