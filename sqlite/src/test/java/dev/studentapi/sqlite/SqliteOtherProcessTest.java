package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second JVM on the same file charging the same window: together they admit exactly the limit, once both have
 * charged until refused, and the stored count is what they admitted once both have closed.
 */
class SqliteOtherProcessTest {
    static final LocalDate DAY = LocalDate.parse("2025-07-06");
    static final int ATTEMPTS = 1000;
    static final int LIMIT = 400;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void chargesFromTwoProcessesAtOnceNeverExceedTheLimit() throws Exception {
        Path file = folder.resolve("studentapi.db");
        SqliteDatabase database = SqliteDatabase.open(file);
        Path childErrors = folder.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), ChargeFromAnotherProcess.class.getName(),
                file.toString(), String.valueOf(ATTEMPTS), String.valueOf(LIMIT), DAY.toString())
                .redirectError(childErrors.toFile()).start();
        try {
            BufferedReader childOut = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(childOut.readLine()).as(() -> "child stderr: " + contentOf(childErrors)).isEqualTo("ready");
            Writer childIn = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
            childIn.write("go\n");
            childIn.flush();

            SqliteUsageCounter counter = new SqliteUsageCounter(database);
            QuotaWindow window = new QuotaWindow(DAY, DAY.plusDays(1));
            int charged = 0;
            while (charged < ATTEMPTS
                    && counter.tryCharge("p1", "k1", window, DAY, LIMIT) instanceof QuotaCharge.Charged) {
                charged++;
            }
            String childCharged = childOut.readLine();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(child.exitValue()).as(() -> "child stderr: " + contentOf(childErrors)).isZero();
            assertThat(charged + Integer.parseInt(childCharged)).isEqualTo(LIMIT);
            assertThat(counter.used("p1", "k1", window)).isEqualTo(LIMIT);
            assertThat(counter.daily("p1", "k1", DAY, DAY)).containsEntry(DAY, (long) LIMIT);
        } finally {
            child.destroyForcibly();
            database.close();
        }
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
