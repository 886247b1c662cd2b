package dev.studentapi.sqlite;

import dev.studentapi.core.student.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A process killed while its inserts are group-committed keeps every student whose insert had returned. */
class SqliteGroupCommitCrashTest {

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedInsertSurvivesAKill() throws Exception {
        Path file = folder.resolve("studentapi.db");
        SqliteDatabase.open(file).close(); // the schema, before the child races to create it
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), InsertFromAnotherProcess.class.getName(),
                file.toString(), "16").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged.size() < 2000 && (line = out.readLine()) != null; ) {
                assertThat(line).startsWith("saved ");
                acknowledged.add(line.substring("saved ".length()));
            }
            child.destroyForcibly().waitFor();
        }
        assertThat(acknowledged).hasSize(2000);

        try (SqliteDatabase reopened = SqliteDatabase.open(file)) {
            assertThat(new SqliteStudentStore(reopened).listAll()).extracting(Student::studentId)
                    .containsAll(acknowledged);
        }
    }
}
