package dev.studentapi.web;

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
 * The committed styles.css is the Tailwind output of the page's sources as they are now: build-css.sh
 * writes a SHA-256 of those sources into the stylesheet's first comment, and this test recomputes it.
 */
class CompiledStylesheetTest {

    static final Path WEB = Path.of("").toAbsolutePath();
    static final Path PUBLIC = WEB.resolve("src/main/resources/public");
    static final Path STYLES = PUBLIC.resolve("styles.css");

    @Test
    void stylesheetWasGeneratedFromTheCurrentSources() throws IOException {
        Optional<String> stamp = TailwindStamp.of(STYLES);
        assertThat(stamp).as("styles.css starts with the sources-sha256 stamp; run web/build-css.sh").isPresent();

        assertThat(stamp.get())
                .as("styles.css is stale relative to %s; run web/build-css.sh", sources())
                .isEqualTo(TailwindStamp.sourcesSha256(WEB, sources()));
    }

    @Test
    void stylesheetIsMinifiedTailwindOutput() throws IOException {
        List<String> lines = Files.readAllLines(STYLES);

        assertThat(lines).hasSizeLessThanOrEqualTo(3);
        assertThat(lines.get(1)).startsWith("/*! tailwindcss v4.");
        assertThat(String.join("\n", lines)).contains(".btn-primary{", ".students{", ":focus-visible{");
    }

    /** The files Tailwind reads, relative to web/ with '/' separators, sorted as `LC_ALL=C sort` does. */
    static List<String> sources() throws IOException {
        try (Stream<Path> tailwind = Files.walk(WEB.resolve("src/main/tailwind"));
             Stream<Path> page = Files.walk(PUBLIC)) {
            Stream<Path> pageSources = page.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js"));
            return TailwindStamp.relativeSorted(WEB,
                    Stream.concat(Stream.concat(tailwind, pageSources), Stream.of(WEB.resolve("package.json"))));
        }
    }
}
