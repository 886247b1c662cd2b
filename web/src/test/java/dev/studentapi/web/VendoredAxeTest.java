package dev.studentapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The axe-core the browser tests inject is the version package.json pins, and the page never serves it. */
class VendoredAxeTest {

    private static final Path AXE = CompiledStylesheetTest.WEB.resolve("src/test/axe");

    @Test
    void theVendoredScriptIsThePinnedVersion() throws IOException {
        Matcher pinned = Pattern.compile("\"axe-core\":\\s*\"([0-9.]+)\"")
                .matcher(Files.readString(CompiledStylesheetTest.WEB.resolve("package.json")));
        assertThat(pinned.find()).as("package.json pins axe-core").isTrue();

        String banner = Files.readString(AXE.resolve("axe.min.js")).substring(0, 40);

        assertThat(banner).startsWith("/*! axe v" + pinned.group(1) + "\n");
        assertThat(AXE.resolve("LICENSE")).content().contains("Mozilla Public License, version 2.0");
    }

    @Test
    void thePageDoesNotServeIt() throws IOException {
        try (var files = Files.walk(CompiledStylesheetTest.PUBLIC)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.contains("axe"));
        }
    }
}
