package dev.studentapi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stamp a module's Tailwind build (web/build-css.sh, console/build-assets.sh) writes into the first comment
 * of its styles.css: the SHA-256 of `sha256sum`'s lines for every source Tailwind read, so that a test can
 * tell a stylesheet that is stale relative to its sources.
 */
public final class TailwindStamp {
    private static final Pattern STAMP = Pattern.compile("\\A/\\*! sources-sha256:([0-9a-f]{64}) ");

    private TailwindStamp() {
    }

    /** The stamp at the start of {@code stylesheet}, if it has one. */
    public static Optional<String> of(Path stylesheet) throws IOException {
        Matcher stamp = STAMP.matcher(Files.readString(stylesheet));
        return stamp.find() ? Optional.of(stamp.group(1)) : Optional.empty();
    }

    /**
     * {@code files} relative to {@code module} with '/' separators, regular files only, sorted as
     * `LC_ALL=C sort` does (the order the build scripts hash them in).
     */
    public static List<String> relativeSorted(Path module, Stream<Path> files) {
        return files.filter(Files::isRegularFile)
                .map(p -> module.relativize(p).toString().replace('\\', '/'))
                .sorted()
                .toList();
    }

    /** What the build scripts compute: sha256sum's line for every source (relative to {@code module}), hashed. */
    public static String sourcesSha256(Path module, List<String> sources) {
        StringBuilder manifest = new StringBuilder();
        for (String source : sources) {
            byte[] content;
            try {
                content = Files.readAllBytes(module.resolve(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            manifest.append(sha256(content)).append("  ").append(source).append('\n');
        }
        return sha256(manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
