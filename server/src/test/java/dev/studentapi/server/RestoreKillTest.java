package dev.studentapi.server;

import dev.studentapi.core.backup.SnapshotFormat;
import dev.studentapi.core.student.Student;
import dev.studentapi.functions.JsonSnapshotFormat;
import dev.studentapi.server.config.DataDirectory;
import dev.studentapi.server.config.Settings;
import dev.studentapi.sqlite.SqliteDatabase;
import dev.studentapi.sqlite.SqliteStudentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SQLite, a restore with {@code mode=replace} killed with SIGKILL in the middle leaves, after a restart, either
 * the whole old table or the whole backup: never a mix, never a damaged database.
 */
class RestoreKillTest {

    private static final int OLD = 20_000;
    private static final int NEW = 100_000;
    private static final String BACKUP = "backup-20261201-101500.json";

    @TempDir
    Path dataDir;

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    private static Student oldStudent(int i) {
        return new Student(String.format("SV%06d", i * 3), "Nguyễn Văn Cũ " + i, "CNTT1", "2003-02-28",
                "old" + i + "@example.edu.vn");
    }

    private static Student newStudent(int i) {
        return new Student(String.format("SV%06d", i), "Trần Thị Mới " + i, "CNTT2", "2004-11-05",
                "new" + i + "@example.edu.vn");
    }

    @BeforeEach
    void anOldTableAndALargerBackup() throws Exception {
        DataDirectory data = new DataDirectory(dataDir);
        Components.build(Settings.fromEnvironment(Map.of("DATA_DIR", dataDir.toString())), Clock.systemUTC(),
                () -> URI.create("http://127.0.0.1")).close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.database())) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO students (studentid, name, class, birthdate, email) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < OLD; i++) {
                    Student s = oldStudent(i);
                    insert.setString(1, s.studentId());
                    insert.setString(2, s.name());
                    insert.setString(3, s.className());
                    insert.setString(4, s.birthdate());
                    insert.setString(5, s.email());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
        Path folder = data.buckets().resolve("student-backup-20250706/backups");
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve(BACKUP));
             SnapshotFormat.Writer writer = new JsonSnapshotFormat().open(out)) {
            for (int i = 0; i < NEW; i++) {
                writer.accept(newStudent(i));
            }
        }
    }

    /** Starts the child, waits until it has written {@code row} rows of the replace, and kills it with SIGKILL. */
    private void killAtRow(long row, String mode) throws Exception {
        Process child = ChildJvm.start(Map.of(), List.of("-Xmx128m"), RestoreInChild.class.getName(),
                dataDir.toString(), BACKUP, Long.toString(row), mode);
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = output.readLine();
            assertThat(line).as("seed %d, child's stderr: %s", seed,
                    line == null ? new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8) : "")
                    .isEqualTo("at row " + row);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        if (mode.equals("block")) {
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        }
    }

    /** The table as a restarted server reads it, after SQLite's integrity check. */
    private List<Student> tableAfterRestart() throws Exception {
        DataDirectory data = new DataDirectory(dataDir);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.database());
             ResultSet check = db.createStatement().executeQuery("PRAGMA integrity_check")) {
            check.next();
            assertThat(check.getString(1)).isEqualTo("ok");
        }
        try (SqliteDatabase database = SqliteDatabase.open(data.database())) {
            return new SqliteStudentStore(database).listAll();
        }
    }

    private static List<Student> oldTable() {
        List<Student> all = new ArrayList<>();
        for (int i = 0; i < OLD; i++) {
            all.add(oldStudent(i));
        }
        return all;
    }

    private static List<Student> newTable() {
        List<Student> all = new ArrayList<>();
        for (int i = 0; i < NEW; i++) {
            all.add(newStudent(i));
        }
        return all;
    }

    @Test
    void aKillInTheMiddleOfTheReplaceLeavesTheOldTable() throws Exception {
        killAtRow(1 + random.nextInt(NEW - 1), "block");

        assertThat(tableAfterRestart()).as("seed %d", seed).isEqualTo(oldTable());
    }

    @Test
    void aKillAtARandomMomentLeavesTheOldTableOrTheNewOne() throws Exception {
        killAtRow(1 + random.nextInt(NEW), "run");

        List<Student> table = tableAfterRestart();
        assertThat(table.equals(oldTable()) || table.equals(newTable()))
                .as("seed %d: %d students, the old table has %d and the backup %d", seed, table.size(), OLD, NEW)
                .isTrue();
    }
}
