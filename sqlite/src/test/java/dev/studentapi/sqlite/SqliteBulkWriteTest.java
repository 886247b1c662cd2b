package dev.studentapi.sqlite;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk writes and filtered streams of 100,000 students in this module's 64 MiB heap: the source passes through
 * one student at a time, and a reader on another thread sees the table before the transaction or after it.
 */
class SqliteBulkWriteTest {
    static final int STUDENTS = SqliteStudentStreamTest.STUDENTS;
    static final long MIB = 1024 * 1024;

    @TempDir
    Path folder;
    private SqliteDatabase database;
    private SqliteStudentStore store;
    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("studentapi.db"));
        store = new SqliteStudentStore(database);
    }

    @AfterEach
    void close() {
        reader.shutdownNow();
        database.close();
    }

    /** The students numbered from {@code first} on, made as they are read, with a look at the heap halfway. */
    private static StudentSource generated(int first, int count, long[] heapMibHalfway) {
        return sink -> {
            for (int i = 0; i < count; i++) {
                sink.accept(student(first + i));
                if (i == count / 2) {
                    heapMibHalfway[0] = liveHeapMib();
                }
            }
        };
    }

    /** Like {@link SqliteStudentStreamTest#student(int)}, made cheaply so that the timings are the store's. */
    static Student student(int number) {
        String id = "SV" + Integer.toString(1_000_000 + number).substring(1);
        return new Student(id, "Nguyễn Văn Sinh Viên Số " + number, "21DTHA" + (number % 10), "2003-02-28",
                "sinhvien." + id.toLowerCase() + "@sinhvien.hutech.edu.vn");
    }

    @Test
    void importsAHundredThousandStudentsInOneTransactionWithoutHoldingThem() throws IOException {
        long before = liveHeapMib();
        long[] halfway = new long[1];
        long generating = System.nanoTime();
        long[] made = {0};
        generated(0, STUDENTS, new long[1]).forEach(s -> made[0]++);
        System.out.printf("making %,d students: %d ms%n", made[0], (System.nanoTime() - generating) / 1_000_000);
        long started = System.nanoTime();

        BulkCounts counts = store.writeAll(generated(0, STUDENTS, halfway), ConflictPolicy.FAIL);

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("SQLite writeAll of %,d students: %d ms%n", STUDENTS, millis);
        assertThat(counts).isEqualTo(new BulkCounts(STUDENTS, 0, 0));
        assertThat(halfway[0] - before).as("live heap growth while importing, MiB").isLessThan(8);
        assertThat(store.existingIds(List.of(student(STUDENTS - 1).studentId())))
                .hasSize(1);
    }

    @Test
    void replacesAndSkipsHalfAHundredThousandAgainstStoredOnes() throws IOException {
        store.writeAll(generated(0, STUDENTS, new long[1]), ConflictPolicy.FAIL);
        long started = System.nanoTime();

        BulkCounts replaced = store.writeAll(generated(STUDENTS / 2, STUDENTS, new long[1]), ConflictPolicy.REPLACE);

        System.out.printf("SQLite writeAll REPLACE of %,d students, half stored: %d ms%n", STUDENTS,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(replaced).isEqualTo(new BulkCounts(STUDENTS / 2, STUDENTS / 2, 0));
        assertThat(store.writeAll(generated(0, 10, new long[1]), ConflictPolicy.SKIP))
                .isEqualTo(new BulkCounts(0, 0, 10));
    }

    @Test
    void aReaderSeesTheOldTableUntilTheReplacementCommits() throws Exception {
        store.writeAll(generated(0, STUDENTS, new long[1]), ConflictPolicy.FAIL);
        List<Long> countsSeenDuring = new ArrayList<>();
        long[] halfway = new long[1];
        long before = liveHeapMib();
        StudentSource replacement = sink -> generated(STUDENTS, STUDENTS, halfway).forEach(student -> {
            sink.accept(student);
            if (student.studentId().endsWith("30000") || student.studentId().endsWith("90000")) {
                countsSeenDuring.add(countOnAnotherThread());
            }
        });
        long started = System.nanoTime();

        BulkCounts counts = store.replaceAll(replacement);

        System.out.printf("SQLite replaceAll of %,d by %,d students: %d ms%n", STUDENTS, STUDENTS,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(counts).isEqualTo(new BulkCounts(STUDENTS, 0, 0));
        assertThat(countsSeenDuring).containsExactly((long) STUDENTS, (long) STUDENTS);
        assertThat(halfway[0] - before).as("live heap growth while replacing, MiB").isLessThan(8);
        assertThat(store.find(student(0).studentId())).isEmpty();
        assertThat(store.find(student(2 * STUDENTS - 1).studentId())).isPresent();
    }

    @Test
    void streamsAFilteredListingOfAHundredThousandWithoutHoldingIt() throws IOException {
        store.writeAll(generated(0, STUDENTS, new long[1]), ConflictPolicy.FAIL);
        long before = liveHeapMib();
        long[] seen = {0};
        long[] heapMib = {0};
        StudentQuery query = new StudentQuery(Optional.of("21DTHA3"), Optional.of("so 1"), Optional.empty(),
                Integer.MAX_VALUE);
        long started = System.nanoTime();

        store.forEachMatching(query, student -> {
            if (++seen[0] == 2000) {
                heapMib[0] = liveHeapMib();
            }
        });

        System.out.printf("SQLite filtered stream over %,d students: %d ms%n", STUDENTS,
                (System.nanoTime() - started) / 1_000_000);
        long expected = java.util.stream.IntStream.range(0, STUDENTS)
                .filter(i -> i % 10 == 3 && String.valueOf(i).startsWith("1")).count();
        assertThat(seen[0]).isEqualTo(expected);
        assertThat(heapMib[0] - before).as("live heap growth while streaming, MiB").isLessThan(8);
    }

    private long countOnAnotherThread() throws IOException {
        Future<Long> count = reader.submit(() -> {
            long[] n = {0};
            store.forEachOrdered(s -> n[0]++);
            return n[0];
        });
        try {
            return count.get();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static long liveHeapMib() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }
}
