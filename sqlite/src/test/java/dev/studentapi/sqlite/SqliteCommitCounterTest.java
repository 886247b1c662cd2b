package dev.studentapi.sqlite;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;

/** The commit counter moves with every commit and only then, through the WAL index and through its fallback. */
class SqliteCommitCounterTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "WAL index mapped: {0}")
    @ValueSource(booleans = {true, false})
    void movesWithEveryCommitAndOnlyThen(boolean mapped) throws Exception {
        Path file = folder.resolve("studentapi.db");
        try (SqliteDatabase database = SqliteDatabase.open(file);
             SqliteCommitCounter counter = SqliteCommitCounter.open(file)) {
            if (mapped) {
                counter.mapWalIndex(file);
            }
            SqliteStudentStore students = new SqliteStudentStore(database);
            long start = counter.current();

            students.listAll();
            assertThat(counter.current()).as("after a read").isEqualTo(start);

            students.insert(student("SV001"));
            long afterInsert = counter.current();
            assertThat(afterInsert).as("after a commit").isNotEqualTo(start);

            students.insert(student("SV001"));
            assertThat(counter.current()).as("after a write that changed nothing").isEqualTo(afterInsert);
        }
    }
}
