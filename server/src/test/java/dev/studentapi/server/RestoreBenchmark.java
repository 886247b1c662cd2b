package dev.studentapi.server;

import dev.studentapi.core.backup.BackupName;
import dev.studentapi.core.backup.RestoreMode;
import dev.studentapi.core.backup.RestoreOutcome;
import dev.studentapi.core.backup.SnapshotFormat;
import dev.studentapi.core.student.Student;
import dev.studentapi.functions.JsonSnapshotFormat;
import dev.studentapi.server.config.DataDirectory;
import dev.studentapi.server.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench figure for a restore of 1,000,000 students with {@code mode=replace} on SQLite (read in full twice: the
 * check and the write); run with {@code -Drestore.bench=true}, it prints the time.
 */
@EnabledIfSystemProperty(named = "restore.bench", matches = "true")
class RestoreBenchmark {

    private static final int STUDENTS = 1_000_000;

    @TempDir
    Path dataDir;

    @Test
    void restoresAMillionStudents() throws Exception {
        Settings settings = Settings.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));
        try (Components components = Components.build(settings, Clock.systemUTC(),
                () -> URI.create("http://127.0.0.1"))) {
            Path folder = new DataDirectory(dataDir).buckets().resolve("student-backup-20250706/backups");
            Files.createDirectories(folder);
            BackupName name = new BackupName("backup-20261201-101500.json");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(name.value())));
                 SnapshotFormat.Writer writer = new JsonSnapshotFormat().open(out)) {
                for (int i = 0; i < STUDENTS; i++) {
                    writer.accept(new Student(String.format("SV%07d", i), "Nguyễn Văn " + i, "CNTT" + (i % 10),
                            "2003-02-28", "sv" + i + "@example.edu.vn"));
                }
            }
            var backups = components.dataPlane().backups();
            for (int round = 0; round < 2; round++) {
                long parse = System.nanoTime();
                long[] rows = {0};
                try (var in = Files.newInputStream(folder.resolve(name.value()))) {
                    new JsonSnapshotFormat().read(in, (row, fields) -> rows[0]++);
                }
                long parsed = System.nanoTime();
                var validator = new dev.studentapi.core.student.StudentValidator(Clock.systemUTC());
                try (var in = Files.newInputStream(folder.resolve(name.value()))) {
                    new JsonSnapshotFormat().read(in, (row, fields) -> validator.validate(fields));
                }
                System.out.println("parse " + (parsed - parse) / 1_000_000 + " ms, parse+validate "
                        + (System.nanoTime() - parsed) / 1_000_000 + " ms");
            }

            long started = System.nanoTime();
            RestoreOutcome outcome = backups.restore(name, RestoreMode.REPLACE, Optional.of(name.value()));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(outcome).isInstanceOf(RestoreOutcome.Restored.class);
            System.out.println("restore of " + STUDENTS + " students (replace, SQLite): " + millis + " ms, "
                    + Files.size(folder.resolve(name.value())) / 1_000_000 + " MB file");
        }
    }
}
