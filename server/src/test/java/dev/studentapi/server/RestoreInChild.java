package dev.studentapi.server;

import dev.studentapi.core.backup.BackupName;
import dev.studentapi.core.backup.BackupNoticeEmail;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.backup.RestoreMode;
import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.text.Language;
import dev.studentapi.filesystem.FileObjectStore;
import dev.studentapi.filesystem.LinkSigner;
import dev.studentapi.functions.JsonSnapshotFormat;
import dev.studentapi.server.config.DataDirectory;
import dev.studentapi.sqlite.SqliteDatabase;
import dev.studentapi.sqlite.SqliteStudentStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Restores a backup with {@code mode=replace} over a data directory's SQLite table, printing {@code at row N} once
 * the replace has written row N (then, with {@code block}, waiting forever for the kill); started by a test that
 * kills it with SIGKILL.
 */
public final class RestoreInChild {
    private RestoreInChild() {
    }

    /** Args: data directory, backup name, the row to report, {@code block} or {@code run}. */
    public static void main(String[] args) throws Exception {
        DataDirectory data = new DataDirectory(Path.of(args[0]));
        BackupName name = new BackupName(args[1]);
        long reportAt = Long.parseLong(args[2]);
        boolean block = args[3].equals("block");
        try (SqliteDatabase database = SqliteDatabase.open(data.database())) {
            StudentStore store = new Reporting(new SqliteStudentStore(database), reportAt, block);
            FileObjectStore bucket = new FileObjectStore(data.buckets(), "student-backup-20250706",
                    () -> URI.create("http://127.0.0.1:8080"), LinkSigner.loadOrCreate(data.downloadSigningKey()));
            BackupService backups = new BackupService(store, bucket, new JsonSnapshotFormat(), message -> { },
                    new BackupNoticeEmail(Language.EN, "noreply@school.test"), "registrar@school.test",
                    Clock.systemUTC());
            System.out.println(backups.restore(name, RestoreMode.REPLACE, Optional.of(name.value())));
        }
    }

    /** The SQLite store, whose replace reports one row on standard output. */
    private record Reporting(StudentStore store, long reportAt, boolean block) implements StudentStore {

        @Override
        public boolean insert(Student student) {
            return store.insert(student);
        }

        @Override
        public void forEachOrdered(StudentSink sink) throws IOException {
            store.forEachOrdered(sink);
        }

        @Override
        public BulkCounts replaceAll(StudentSource source) throws IOException {
            return store.replaceAll(sink -> {
                long[] rows = {0};
                source.forEach(student -> {
                    sink.accept(student);
                    if (++rows[0] == reportAt) {
                        System.out.println("at row " + reportAt);
                        System.out.flush();
                        if (block) {
                            System.in.read();
                        }
                    }
                });
            });
        }
    }
}
