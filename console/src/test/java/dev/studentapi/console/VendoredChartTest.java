package dev.studentapi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart library served with the console is the uPlot release package.json pins, with its licence. */
class VendoredChartTest {

    private static final Path UPLOT = CompiledStylesheetTest.CONSOLE.resolve("vendor/uplot");

    @Test
    void vendoredUplotIsThePinnedVersionWithItsLicence() throws IOException {
        Matcher pinned = Pattern.compile("\"uplot\":\\s*\"([0-9.]+)\"")
                .matcher(Files.readString(CompiledStylesheetTest.MODULE.resolve("package.json")));
        assertThat(pinned.find()).as("package.json pins uplot").isTrue();

        assertThat(Files.readString(UPLOT.resolve("VERSION")).strip()).isEqualTo(pinned.group(1));
        assertThat(Files.readString(UPLOT.resolve("uPlot.esm.js"))).contains("(v" + pinned.group(1) + ")")
                .contains("export { uPlot as default }");
        assertThat(Files.readString(UPLOT.resolve("LICENSE"))).contains("The MIT License");
        assertThat(UPLOT.resolve("uPlot.min.css")).isRegularFile();
    }
}
