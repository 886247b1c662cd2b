package dev.studentapi.testkit.contract;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link StudentStore} must do; extend it with a factory for the engine under test. */
public abstract class StudentStoreContract {

    private StudentStore store;

    /** A new, empty store of the engine under test; the subclass closes whatever it opened. */
    protected abstract StudentStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void listsNothingWhenEmpty() throws IOException {
        List<Student> streamed = new ArrayList<>();
        store.forEachOrdered(streamed::add);

        assertThat(streamed).isEmpty();
        assertThat(store.listAll()).isEmpty();
    }

    @Test
    void aChangeVersionItReportsMovesWithEveryInsertAndNotWithReads() {
        OptionalLong first = store.changeVersion();
        store.listAll();
        assertThat(store.changeVersion()).isEqualTo(first);

        store.insert(student("SV001"));
        OptionalLong afterInsert = store.changeVersion();

        assertThat(afterInsert.isPresent()).isEqualTo(first.isPresent());
        assertThat(afterInsert.equals(first)).as("moved, for a store that reports a version").isEqualTo(
                first.isEmpty());
    }

    @Test
    void listsInsertedStudentsOrderedByStudentId() {
        for (String id : List.of("SV2", "SV10", "2180601452", "SV1", "A_1", "A-1", "a1")) {
            assertThat(store.insert(student(id))).isTrue();
        }

        assertThat(store.listAll()).extracting(Student::studentId)
                .containsExactly("2180601452", "A-1", "A_1", "SV1", "SV10", "SV2", "a1");
    }

    @Test
    void refusesADuplicateIdAndKeepsTheFirstStudent() {
        Student first = student("SV001");
        Student second = new Student("SV001", "Someone Else", "CNTT2", "1999-12-31", "else@example.com");

        assertThat(store.insert(first)).isTrue();
        assertThat(store.insert(second)).isFalse();

        assertThat(store.listAll()).containsExactly(first);
    }

    @Test
    void storesEveryFieldExactly() {
        Student vietnamese = new Student("2180601452", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28",
                "thang.nguyen+k21@sinhvien.hutech.edu.vn");
        Student unusual = new Student("SV-emoji_1", "Ana 'Ñ' O\"Brien 😀 李小龍", "Lớp Đ-1", "1970-01-01",
                "o.brien@example.co.uk");

        store.insert(vietnamese);
        store.insert(unusual);

        assertThat(store.listAll()).containsExactly(vietnamese, unusual);
    }

    @Test
    void streamsStudentsInOrderThroughForEachOrdered() throws IOException {
        List<Student> inserted = IntStream.range(0, 60).map(i -> (i * 37) % 60)
                .mapToObj(i -> student(String.format("SV%03d", i))).toList();
        inserted.forEach(store::insert);
        List<Student> streamed = new ArrayList<>();

        store.forEachOrdered(streamed::add);

        assertThat(streamed).isEqualTo(inserted.stream().sorted(Comparator.comparing(Student::studentId)).toList());
    }

    @Test
    void passesOnTheSinksFailureAndStaysUsable() {
        List.of("SV1", "SV2", "SV3").forEach(id -> store.insert(student(id)));
        IOException failure = new IOException("disk full");

        assertThatThrownBy(() -> store.forEachOrdered(s -> {
            if (s.studentId().equals("SV2")) {
                throw failure;
            }
        })).isSameAs(failure);

        assertThat(store.insert(student("SV4"))).isTrue();
        assertThat(store.listAll()).hasSize(4);
    }

    @Test
    void letsExactlyOneOfTwentyConcurrentInsertsOfOneIdWin() throws Exception {
        List<Boolean> results = Race.run(20, thread ->
                store.insert(new Student("SV777", "Racer " + thread, "CNTT1", "2000-01-01", "r@example.com")));

        assertThat(results).containsOnlyOnce(true);
        int winner = results.indexOf(true);
        assertThat(store.listAll()).extracting(Student::name).containsExactly("Racer " + winner);
    }

    @Test
    void keepsEveryOneOfTwentyConcurrentInsertsOfDifferentIds() throws Exception {
        List<Boolean> results = Race.run(20, thread -> store.insert(student(String.format("SV%02d", thread))));

        assertThat(results).containsOnly(true);
        assertThat(store.listAll()).hasSize(20);
    }
}
