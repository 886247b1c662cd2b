package dev.studentapi.testkit.report;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * What a developer sees on the console when tests run (the report is registered with JUnit from testkit): each
 * skipped test or class with its reason, and the log lines of a failed test only.
 */
class TestReportTest {

    private static String consoleOf(Class<?>... classes) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            var builder = request();
            for (Class<?> type : classes) {
                builder.selectors(selectClass(type));
            }
            LauncherFactory.create().execute(builder.build());
        } finally {
            System.setOut(original);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void skippedTestsAndClassesArePrintedWithTheirReason() {
        String console = consoleOf(ReportFixtures.class, DisabledReportFixture.class);

        assertThat(console).contains("[SKIPPED] ReportFixtures needsAProgram(): redis-server is not "
                + "available (apt-get install redis-server)");
        assertThat(console).contains("[SKIPPED] DisabledReportFixture: moto_server is not available "
                + "(pip install 'moto[server]')");
    }

    @Test
    void onlyAFailedTestsLogLinesAreShown() {
        String console = consoleOf(ReportFixtures.class);

        assertThat(console).contains("[LOG of failed ReportFixtures fails()]", "a line of a test that fails")
                .doesNotContain("a line of a test that passes");
    }
}
