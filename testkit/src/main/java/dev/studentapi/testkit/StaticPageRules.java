package dev.studentapi.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the product's static pages (the students page, the console) hold to, so that they run under a
 * Content-Security-Policy without {@code unsafe-inline} and write no markup from data.
 */
public final class StaticPageRules {
    private StaticPageRules() {
    }

    /** No inline handler or style, no markup written from strings, no dialogs, console output or eval. */
    public static void assertNoInlineCode(List<Path> files) throws IOException {
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContainPattern("(?i)\\son[a-z]+\\s*=\\s*[\"']")
                    .doesNotContainPattern("(?i)\\sstyle\\s*=\\s*[\"']")
                    .doesNotContainPattern("(?i)<style\\b")
                    .doesNotContainPattern("\\.innerHTML\\s*=|insertAdjacentHTML|document\\.write")
                    .doesNotContainPattern("\\balert\\(|\\bconfirm\\(|\\bprompt\\(")
                    .doesNotContainPattern("\\bconsole\\.")
                    .doesNotContainPattern("\\beval\\(|new Function\\(");
        }
    }

    /** Every module that {@code imports} (group 1: its relative path) finds in {@code files} is in {@code folder}. */
    public static void assertImportedModulesExist(Path folder, List<Path> files, Pattern imports) throws IOException {
        for (Path file : files) {
            Matcher m = imports.matcher(Files.readString(file));
            while (m.find()) {
                assertThat(folder.resolve(m.group(1))).as("imported by " + file.getFileName()).isRegularFile();
            }
        }
    }
}
