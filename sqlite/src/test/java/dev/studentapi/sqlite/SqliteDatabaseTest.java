package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteDatabaseTest {
    @TempDir
    Path folder;

    @Test
    void createsTheFileAndItsMissingFolders() {
        Path file = folder.resolve("a/b/c/studentapi.db");

        SqliteDatabase database = SqliteDatabase.open(file);
        database.close();

        assertThat(file).isRegularFile();
        assertThat(database.file()).isEqualTo(file.toAbsolutePath());
    }

    @Test
    void theChangeVersionMovesWithEveryCommitFromAnyProcessAndOnlyThen() throws Exception {
        Path file = folder.resolve("studentapi.db");
        SqliteDatabase database = SqliteDatabase.open(file);
        SqliteDatabase other = SqliteDatabase.open(file);
        try {
            SqliteStudentStore students = new SqliteStudentStore(database);
            long start = database.changeVersion();
            students.listAll();
            assertThat(database.changeVersion()).as("after a read").isEqualTo(start);

            students.insert(student("SV001"));
            long afterOwnWrite = database.changeVersion();
            assertThat(afterOwnWrite).as("after a commit in this process").isNotEqualTo(start);

            new SqliteStudentStore(other).insert(student("SV002"));
            long afterOtherWrite = database.changeVersion();
            assertThat(afterOtherWrite).as("after a commit by another database").isNotEqualTo(afterOwnWrite);

            Process python = new ProcessBuilder("python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    + "c.execute(\"INSERT INTO students VALUES ('SV003', 'n', 'c', '2000-01-01', 'a@b.c')\"); "
                    + "c.commit()", file.toString()).inheritIO().start();
            assertThat(python.waitFor()).isZero();
            assertThat(database.changeVersion()).as("after a commit by another program")
                    .isNotEqualTo(afterOtherWrite);
            assertThat(students.insert(student("SV001"))).isFalse();
        } finally {
            other.close();
            database.close();
        }
    }

    @Test
    void configuresEveryConnectionForSharedConcurrentUse() {
        SqliteDatabase database = SqliteDatabase.open(folder.resolve("studentapi.db"), 2);
        try {
            for (int i = 0; i < 2; i++) {
                assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(database, "busy_timeout")).isEqualTo("10000");
                assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(database, "synchronous")).isEqualTo("1");
            }
        } finally {
            database.close();
        }
    }

    @Test
    void recordsTheSchemaVersionAndOpensAnExistingFileWithoutMigratingAgain() {
        Path file = folder.resolve("studentapi.db");
        SqliteDatabase first = SqliteDatabase.open(file);
        new SqliteStudentStore(first).insert(student("SV001"));
        first.close();

        SqliteDatabase second = SqliteDatabase.open(file);
        try {
            assertThat(pragma(second, "user_version")).isEqualTo(String.valueOf(SqliteSchema.LATEST));
            assertThat(new SqliteStudentStore(second).listAll()).containsExactly(student("SV001"));
        } finally {
            second.close();
        }
    }

    @Test
    void refusesAFileWrittenByANewerSchema() {
        Path file = folder.resolve("studentapi.db");
        SqliteDatabase database = SqliteDatabase.open(file);
        database.write("pretend to be newer", connection -> execute(connection.createStatement(),
                "PRAGMA user_version = " + (SqliteSchema.LATEST + 1)));
        database.close();

        assertThatThrownBy(() -> SqliteDatabase.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer than this program understands");
    }

    @Test
    void failsNamingTheOperationOnceClosed() {
        SqliteDatabase database = SqliteDatabase.open(folder.resolve("studentapi.db"));
        SqliteStudentStore students = new SqliteStudentStore(database);
        database.close();

        assertThatThrownBy(() -> students.insert(student("SV001")))
                .isInstanceOf(StoreException.class)
                .hasMessage("SQLite failed to insert a student: the database is closed");
    }

    @Test
    void rollsBackAFailedWriteAndStaysUsable() {
        SqliteDatabase database = SqliteDatabase.open(folder.resolve("studentapi.db"), 1);
        try {
            SqliteStudentStore students = new SqliteStudentStore(database);
            assertThatThrownBy(() -> database.write("insert and fail", connection -> {
                execute(connection.createStatement(), "INSERT INTO students VALUES ('SV001', 'n', 'c', 'b', 'e')");
                execute(connection.createStatement(), "INSERT INTO no_such_table VALUES (1)");
                return null;
            })).isInstanceOf(StoreException.class).hasMessageStartingWith("SQLite failed to insert and fail: ");

            assertThat(students.listAll()).isEmpty();
            assertThat(students.insert(student("SV001"))).isTrue();
        } finally {
            database.close();
        }
    }

    private static String pragma(SqliteDatabase database, String name) {
        return database.read("read a pragma", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    private static Void execute(Statement statement, String sql) throws SQLException {
        try (statement) {
            statement.execute(sql);
            return null;
        }
    }
}
