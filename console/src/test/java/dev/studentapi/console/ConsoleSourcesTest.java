package dev.studentapi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.studentapi.testkit.StaticPageRules;
import org.junit.jupiter.api.Test;

/**
 * The console runs under its Content-Security-Policy (scripts and styles from its own origin only) and with no
 * network: no inline script, handler or style, nothing loaded from another host, every text translated.
 */
class ConsoleSourcesTest {

    private static final Path CONSOLE = CompiledStylesheetTest.CONSOLE;

    @Test
    void theOnlyScriptIsTheConsolesExternalModule() throws IOException {
        String html = Files.readString(CONSOLE.resolve("index.html"));
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("type=\"module\"", "src=\"app.js\"");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(1);
    }

    @Test
    void noInlineHandlersStylesOrHtmlInjection() throws IOException {
        StaticPageRules.assertNoInlineCode(ownFiles());
    }

    @Test
    void nothingIsLoadedFromAnotherHost() throws IOException {
        String html = Files.readString(CONSOLE.resolve("index.html"));
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        for (Path file : ownFiles()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContainPattern("(?i)\\bimport\\b[^;]*from\\s*['\"](https?:)?//")
                    .doesNotContainPattern("(?i)cdn\\.|unpkg|jsdelivr|googleapis|https?://");
        }
    }

    @Test
    void everyModuleImportedExists() throws IOException {
        StaticPageRules.assertImportedModulesExist(CONSOLE, ownFiles(),
                Pattern.compile("from\\s+'\\./([a-z/.-]+\\.js)'"));
    }

    @Test
    void everyTextKeyOfThePageHasAnEnglishAndAVietnameseText() throws IOException {
        String i18n = Files.readString(CONSOLE.resolve("i18n.js"));
        int vietnamese = i18n.indexOf("\n  vi: {");
        assertThat(vietnamese).isPositive();
        Matcher keys = Pattern.compile("data-i18n(?:-aria-label)?=\"([A-Za-z.]+)\"").matcher(Files.readString(CONSOLE.resolve("index.html")));
        while (keys.find()) {
            String entry = (keys.group(1).contains(".") ? "'" + keys.group(1) + "'" : keys.group(1)) + ":";
            assertThat(i18n.substring(0, vietnamese)).as("English text of " + keys.group(1)).contains(entry);
            assertThat(i18n.substring(vietnamese)).as("Vietnamese text of " + keys.group(1)).contains(entry);
        }
    }

    /** The console's own html and js files (not the vendored chart library). */
    private static List<Path> ownFiles() throws IOException {
        try (Stream<Path> files = Files.list(CONSOLE)) {
            return files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
