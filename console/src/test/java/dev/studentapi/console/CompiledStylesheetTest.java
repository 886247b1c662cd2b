package dev.studentapi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed styles.css is the Tailwind output of the console's sources as they are now: build-assets.sh
 * writes a SHA-256 of those sources into the stylesheet's first comment, and this test recomputes it.
 */
class CompiledStylesheetTest {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path CONSOLE = MODULE.resolve("src/main/resources/console");
    private static final Path STYLES = CONSOLE.resolve("styles.css");
    private static final Pattern STAMP = Pattern.compile("\\A/\\*! sources-sha256:([0-9a-f]{64}) ");

    @Test
    void stylesheetWasGeneratedFromTheCurrentSources() throws IOException {
        Matcher stamp = STAMP.matcher(Files.readString(STYLES));
        assertThat(stamp.find()).as("styles.css starts with the sources-sha256 stamp; run console/build-assets.sh").isTrue();

        assertThat(stamp.group(1))
                .as("styles.css is stale relative to %s; run console/build-assets.sh", sources())
                .isEqualTo(sourcesSha256());
    }

    @Test
    void stylesheetIsMinifiedTailwindOutputWithTheConsoleComponents() throws IOException {
        List<String> lines = Files.readAllLines(STYLES);

        assertThat(lines).hasSizeLessThanOrEqualTo(3);
        assertThat(lines.get(1)).startsWith("/*! tailwindcss v4.");
        assertThat(String.join("\n", lines)).contains(".btn-primary{", ".data-table{", ".nav-link{", ":focus-visible{");
    }

    /** The files Tailwind reads, relative to console/ with '/' separators, sorted as `LC_ALL=C sort` does. */
    static List<String> sources() throws IOException {
        try (Stream<Path> tailwind = Files.walk(MODULE.resolve("src/main/tailwind"));
             Stream<Path> page = Files.list(CONSOLE)) {
            Stream<Path> pageSources = page.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js"));
            return Stream.concat(Stream.concat(tailwind, pageSources), Stream.of(MODULE.resolve("package.json")))
                    .filter(Files::isRegularFile)
                    .map(p -> MODULE.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** What build-assets.sh computes: sha256sum's line for every source, hashed again. */
    static String sourcesSha256() throws IOException {
        StringBuilder manifest = new StringBuilder();
        for (String source : sources()) {
            manifest.append(sha256(Files.readAllBytes(MODULE.resolve(source)))).append("  ").append(source).append('\n');
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
