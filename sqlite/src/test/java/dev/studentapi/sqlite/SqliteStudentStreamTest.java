package dev.studentapi.sqlite;

import dev.studentapi.core.student.Student;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup streams the whole table: 100,000 students pass through while the heap (64 MiB for this module's
 * tests, see the pom) holds only the one in hand.
 */
class SqliteStudentStreamTest {
    static final int STUDENTS = 100_000;
    static final int EARLY = 1_000;
    static final long MIB = 1024 * 1024;

    @TempDir
    Path folder;
    private SqliteDatabase database;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("studentapi.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    static Student student(int number) {
        String id = String.format("SV%06d", number);
        return new Student(id, "Nguyễn Văn Sinh Viên Số " + number, "21DTHA" + (number % 10), "2003-02-28",
                "sinhvien." + id.toLowerCase() + "@sinhvien.hutech.edu.vn");
    }

    @Test
    void streamsAHundredThousandStudentsInOrderWithoutHoldingThem() throws IOException {
        insertInScrambledOrder();
        List<WeakReference<Student>> early = new ArrayList<>();
        long[] seen = {0};
        long[] heapMib = new long[2];
        boolean[] ordered = {true};
        String[] previous = {""};
        long heapMibBefore = liveHeapMib();

        new SqliteStudentStore(database).forEachOrdered(student -> {
            ordered[0] &= student.studentId().compareTo(previous[0]) > 0;
            previous[0] = student.studentId();
            long count = ++seen[0];
            if (count <= EARLY) {
                early.add(new WeakReference<>(student));
            }
            if (count == EARLY + 1) {
                heapMib[0] = liveHeapMib();
            }
            if (count == STUDENTS) {
                heapMib[1] = liveHeapMib();
            }
        });

        assertThat(seen[0]).isEqualTo(STUDENTS);
        assertThat(ordered[0]).as("streamed in studentId order").isTrue();
        assertThat(previous[0]).isEqualTo(student(STUDENTS - 1).studentId());
        assertThat(early).as("students already passed on are garbage").allMatch(ref -> ref.get() == null);
        assertThat(Math.max(heapMib[0], heapMib[1]) - heapMibBefore).as("live heap growth while streaming, MiB")
                .isLessThan(8);
    }

    /** Inserts students 0 to STUDENTS - 1 in one transaction, in an order far from sorted. */
    private void insertInScrambledOrder() {
        database.write("insert test students", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO students (studentid, name, class, birthdate, email) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < STUDENTS; i++) {
                    Student s = student((int) ((i * 7919L) % STUDENTS));
                    insert.setString(1, s.studentId());
                    insert.setString(2, s.name());
                    insert.setString(3, s.className());
                    insert.setString(4, s.birthdate());
                    insert.setString(5, s.email());
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static long liveHeapMib() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }
}
