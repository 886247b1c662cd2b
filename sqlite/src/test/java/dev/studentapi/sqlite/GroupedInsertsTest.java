package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.student.Student;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inserts that wait while another write holds the database are committed together afterwards, each caller with
 * its own outcome.
 */
class GroupedInsertsTest {

    @TempDir
    Path folder;
    private SqliteDatabase database;
    private GroupedInserts inserts;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("studentapi.db"));
        inserts = new GroupedInserts(database);
    }

    @AfterEach
    void close() {
        release.countDown();
        database.close();
    }

    @Test
    void insertsThatArriveTogetherShareOneCommit() throws Exception {
        long commitsBefore = commits();
        CompletableFuture<Void> holder = holdTheWriteLock();
        List<CompletableFuture<Boolean>> callers = new ArrayList<>();
        callers.add(insertLater(student("SV00")));
        awaitCondition(() -> inserts.leading() && inserts.waiting() == 0); // SV00 leads, blocked by the holder
        for (int i = 1; i < 10; i++) {
            callers.add(insertLater(student(String.format("SV%02d", i))));
        }
        awaitCondition(() -> inserts.waiting() == 9);
        release.countDown();

        for (CompletableFuture<Boolean> caller : callers) {
            assertThat(caller.get(30, TimeUnit.SECONDS)).isTrue();
        }
        holder.get(30, TimeUnit.SECONDS);
        assertThat(new SqliteStudentStore(database).listAll()).hasSize(10);
        assertThat(commits() - commitsBefore).isEqualTo(2); // SV00 alone, then the nine that waited
    }

    @Test
    void aDuplicateOrAFailingStatementFailsOnlyItsOwnCallerInTheBatch() throws Exception {
        try (Connection raw = SqliteConnectionPool.connect(database.file()); Statement sql = raw.createStatement()) {
            sql.execute("CREATE TRIGGER refuse_sv66 BEFORE INSERT ON students WHEN NEW.studentid = 'SV66'"
                    + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        }
        new SqliteStudentStore(database).insert(student("SV01"));
        CompletableFuture<Void> holder = holdTheWriteLock();
        CompletableFuture<Boolean> leader = insertLater(student("SV10"));
        awaitCondition(() -> inserts.leading() && inserts.waiting() == 0);
        CompletableFuture<Boolean> duplicate = insertLater(student("SV01"));
        awaitCondition(() -> inserts.waiting() == 1);
        CompletableFuture<Boolean> refused = insertLater(student("SV66"));
        awaitCondition(() -> inserts.waiting() == 2);
        CompletableFuture<Boolean> fresh = insertLater(student("SV20"));
        awaitCondition(() -> inserts.waiting() == 3);
        release.countDown();

        assertThat(leader.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicate.get(30, TimeUnit.SECONDS)).isFalse();
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                .hasMessageContaining("refused by the test");
        assertThat(fresh.get(30, TimeUnit.SECONDS)).isTrue();
        holder.get(30, TimeUnit.SECONDS);
        assertThat(new SqliteStudentStore(database).listAll()).extracting(Student::studentId)
                .containsExactly("SV01", "SV10", "SV20");
    }

    private CompletableFuture<Void> holdTheWriteLock() throws InterruptedException {
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                database.<Void, InterruptedException>write("hold the lock", connection -> {
                    held.countDown();
                    release.await();
                    return null;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private CompletableFuture<Boolean> insertLater(Student student) {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.complete(inserts.insert(student));
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
        caller.start();
        return outcome;
    }

    /** The number of commits to the file (the WAL index's change counter). */
    private long commits() {
        return database.changeVersion() >>> 32;
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the inserts did not line up within 30 s");
            }
            Thread.onSpinWait();
        }
    }
}
