package dev.studentapi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import dev.studentapi.testkit.TailwindStamp;
import org.junit.jupiter.api.Test;

/**
 * The committed styles.css is the Tailwind output of the console's sources as they are now: build-assets.sh
 * writes a SHA-256 of those sources into the stylesheet's first comment, and this test recomputes it.
 */
class CompiledStylesheetTest {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path CONSOLE = MODULE.resolve("src/main/resources/console");
    private static final Path STYLES = CONSOLE.resolve("styles.css");

    @Test
    void stylesheetWasGeneratedFromTheCurrentSources() throws IOException {
        Optional<String> stamp = TailwindStamp.of(STYLES);
        assertThat(stamp).as("styles.css starts with the sources-sha256 stamp; run console/build-assets.sh").isPresent();

        assertThat(stamp.get())
                .as("styles.css is stale relative to %s; run console/build-assets.sh", sources())
                .isEqualTo(TailwindStamp.sourcesSha256(MODULE, sources()));
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
            return TailwindStamp.relativeSorted(MODULE,
                    Stream.concat(Stream.concat(tailwind, pageSources), Stream.of(MODULE.resolve("package.json"))));
        }
    }
}
