package dev.studentapi.sqlite;

import dev.studentapi.core.student.Student;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by {@link SqliteGroupCommitCrashTest}: inserts new students into the database file
 * {@code args[0]} from {@code args[1]} threads at once, printing {@code saved <id>} after each insert returns,
 * until it is killed.
 */
final class InsertFromAnotherProcess {
    private InsertFromAnotherProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        SqliteStudentStore store = new SqliteStudentStore(SqliteDatabase.open(Path.of(args[0])));
        AtomicInteger next = new AtomicInteger();
        int threads = Integer.parseInt(args[1]);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                while (true) {
                    String id = String.format("SV%06d", next.incrementAndGet());
                    if (store.insert(new Student(id, "Crash " + id, "CNTT1", "2000-01-01", "c@example.com"))) {
                        synchronized (System.out) {
                            System.out.println("saved " + id);
                            System.out.flush();
                        }
                    }
                }
            }).start();
        }
        Thread.currentThread().join();
    }
}
