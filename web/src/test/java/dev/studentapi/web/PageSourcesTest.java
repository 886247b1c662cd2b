package dev.studentapi.web;

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
 * The page runs under the server's Content-Security-Policy (scripts and styles from 'self' only) and
 * with no network: no inline script, handler or style, nothing loaded from another host.
 */
class PageSourcesTest {

    private static final Path PUBLIC = CompiledStylesheetTest.PUBLIC;

    @Test
    void everyScriptIsAnExternalModuleOfThePage() throws IOException {
        String html = Files.readString(PUBLIC.resolve("index.html"));
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("type=\"module\"").containsPattern("src=\"[a-z-]+\\.js\"");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(1);
    }

    @Test
    void noInlineEventHandlersOrStyles() throws IOException {
        StaticPageRules.assertNoInlineCode(pageFiles());
    }

    @Test
    void nothingIsLoadedFromAnotherHost() throws IOException {
        String html = Files.readString(PUBLIC.resolve("index.html"));
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        for (Path file : pageFiles()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContainPattern("(?i)\\bimport\\b[^;]*from\\s*['\"](https?:)?//")
                    .doesNotContainPattern("(?i)jquery|cdn\\.|unpkg|jsdelivr|googleapis");
        }
    }

    @Test
    void everyModuleImportedExists() throws IOException {
        StaticPageRules.assertImportedModulesExist(PUBLIC, pageFiles(),
                Pattern.compile("from\\s+'\\./([a-z-]+\\.js)'"));
    }

    private static List<Path> pageFiles() throws IOException {
        try (Stream<Path> files = Files.list(PUBLIC)) {
            return files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
