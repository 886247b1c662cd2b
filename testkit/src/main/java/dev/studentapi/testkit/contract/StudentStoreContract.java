package dev.studentapi.testkit.contract;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.DuplicateStudentException;
import dev.studentapi.core.student.StoreWrite;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static dev.studentapi.testkit.Students.generated;
import static dev.studentapi.testkit.Students.id;
import static dev.studentapi.testkit.Students.inClass;
import static dev.studentapi.testkit.Students.named;
import static dev.studentapi.testkit.Students.sourceOf;
import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link StudentStore} must do; extend it with a factory for the engine under test. An engine whose
 * bulk writes are not atomic (DynamoDB) says so with {@link #bulkWritesAreAtomic()}; the tests of all-or-nothing
 * then check only what it documents.
 */
public abstract class StudentStoreContract {

    private StudentStore store;

    /** A new, empty store of the engine under test; the subclass closes whatever it opened. */
    protected abstract StudentStore newStore();

    /** Whether {@link StudentStore#writeAll} and {@link StudentStore#replaceAll} are all or nothing. */
    protected boolean bulkWritesAreAtomic() {
        return true;
    }

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
    // ---- reading one ----

    @Test
    void findsAStoredStudentByItsIdAndNothingForAnother() {
        Student thang = new Student("2180601452", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28", "t@example.vn");
        store.insert(thang);
        store.insert(student("SV1"));

        assertThat(store.find("2180601452")).contains(thang);
        assertThat(store.find("2180601453")).isEmpty();
        assertThat(store.find("sv1")).isEmpty();
    }

    // ---- conditional replace ----

    @Test
    void replacesAStoredStudentWithoutAnExpectation() {
        store.insert(student("SV1"));
        Student corrected = new Student("SV1", "Trần Thị Mai", "CNTT2", "2001-02-03", "mai@example.com");

        assertThat(store.replace(corrected, Optional.empty())).isEqualTo(StoreWrite.DONE);

        assertThat(store.find("SV1")).contains(corrected);
        assertThat(store.listAll()).containsExactly(corrected);
    }

    @Test
    void replacingAnAbsentIdStoresNothing() {
        assertThat(store.replace(student("SV1"), Optional.empty())).isEqualTo(StoreWrite.ABSENT);
        assertThat(store.replace(student("SV1"), Optional.of(student("SV1")))).isEqualTo(StoreWrite.CHANGED);

        assertThat(store.listAll()).isEmpty();
    }

    @Test
    void replacesOnlyWhileTheStoredStudentIsTheExpectedOne() {
        Student original = student("SV1");
        store.insert(original);
        Student first = named("SV1", "First");
        Student second = named("SV1", "Second");

        assertThat(store.replace(first, Optional.of(original))).isEqualTo(StoreWrite.DONE);
        assertThat(store.replace(second, Optional.of(original))).isEqualTo(StoreWrite.CHANGED);
        assertThat(store.find("SV1")).contains(first);
        assertThat(store.replace(second, Optional.of(first))).isEqualTo(StoreWrite.DONE);
        assertThat(store.find("SV1")).contains(second);
    }

    @Test
    void comparesEveryFieldOfTheExpectedStudent() {
        Student original = new Student("SV1", "Mai", "CNTT1", "2001-02-03", "mai@example.com");
        store.insert(original);
        List<Student> almost = List.of(
                new Student("SV1", "Mai ", "CNTT1", "2001-02-03", "mai@example.com"),
                new Student("SV1", "Mai", "CNTT2", "2001-02-03", "mai@example.com"),
                new Student("SV1", "Mai", "CNTT1", "2001-02-04", "mai@example.com"),
                new Student("SV1", "Mai", "CNTT1", "2001-02-03", "Mai@example.com"));

        for (Student wrong : almost) {
            assertThat(store.replace(named("SV1", "Changed"), Optional.of(wrong))).as("expected %s", wrong)
                    .isEqualTo(StoreWrite.CHANGED);
            assertThat(store.delete("SV1", Optional.of(wrong))).as("expected %s", wrong)
                    .isEqualTo(StoreWrite.CHANGED);
        }
        assertThat(store.find("SV1")).contains(original);
    }

    @Test
    void letsExactlyOneOfTwentyConcurrentReplacesOfTheSameStateWin() throws Exception {
        Student original = student("SV777");
        store.insert(original);

        List<StoreWrite> results = Race.run(20, thread ->
                store.replace(named("SV777", "Racer " + thread), Optional.of(original)));

        assertThat(results).containsOnlyOnce(StoreWrite.DONE);
        assertThat(results).filteredOn(r -> r == StoreWrite.CHANGED).hasSize(19);
        assertThat(store.find("SV777")).contains(named("SV777", "Racer " + results.indexOf(StoreWrite.DONE)));
    }

    // ---- conditional delete ----

    @Test
    void deletesWithoutAnExpectationAndFindsNothingTheSecondTime() {
        store.insert(student("SV1"));
        store.insert(student("SV2"));

        assertThat(store.delete("SV1", Optional.empty())).isEqualTo(StoreWrite.DONE);
        assertThat(store.delete("SV1", Optional.empty())).isEqualTo(StoreWrite.ABSENT);

        assertThat(store.listAll()).containsExactly(student("SV2"));
        assertThat(store.insert(student("SV1"))).as("the id is free again").isTrue();
    }

    @Test
    void deletesOnlyWhileTheStoredStudentIsTheExpectedOne() {
        store.insert(student("SV1"));

        assertThat(store.delete("SV1", Optional.of(named("SV1", "Someone else")))).isEqualTo(StoreWrite.CHANGED);
        assertThat(store.find("SV1")).contains(student("SV1"));
        assertThat(store.delete("SV1", Optional.of(student("SV1")))).isEqualTo(StoreWrite.DONE);
        assertThat(store.delete("SV1", Optional.of(student("SV1")))).as("gone counts as changed")
                .isEqualTo(StoreWrite.CHANGED);
    }

    @Test
    void letsExactlyOneOfTwentyConcurrentDeletesOfTheSameStateWin() throws Exception {
        Student original = student("SV777");
        store.insert(original);

        List<StoreWrite> results = Race.run(20, thread -> store.delete("SV777", Optional.of(original)));

        assertThat(results).containsOnlyOnce(StoreWrite.DONE);
        assertThat(results).filteredOn(r -> r == StoreWrite.CHANGED).hasSize(19);
        assertThat(store.find("SV777")).isEmpty();
    }

    // ---- listing by query ----

    private List<String> matching(StudentQuery query) throws IOException {
        List<String> ids = new ArrayList<>();
        store.forEachMatching(query, s -> ids.add(s.studentId()));
        return ids;
    }

    private static StudentQuery query(String className, String text, String afterId, int limit) {
        return new StudentQuery(Optional.ofNullable(className), Optional.ofNullable(text),
                Optional.ofNullable(afterId), limit);
    }

    @Test
    void listsAfterAnIdInOrderUpToTheLimit() throws IOException {
        for (String id : List.of("SV05", "SV01", "SV03", "SV02", "SV04")) {
            store.insert(student(id));
        }

        assertThat(matching(StudentQuery.all())).containsExactly("SV01", "SV02", "SV03", "SV04", "SV05");
        assertThat(matching(query(null, null, "SV02", 2))).containsExactly("SV03", "SV04");
        assertThat(matching(query(null, null, "SV025", 10))).containsExactly("SV03", "SV04", "SV05");
        assertThat(matching(query(null, null, "SV05", 10))).isEmpty();
        assertThat(matching(query(null, null, null, 1))).containsExactly("SV01");
    }

    @Test
    void filtersByExactClass() throws IOException {
        store.insert(inClass("SV1", "21DTHA1"));
        store.insert(inClass("SV2", "21DTHA10"));
        store.insert(inClass("SV3", "21dtha1"));
        store.insert(inClass("SV4", "21DTHA1"));

        assertThat(matching(query("21DTHA1", null, null, 10))).containsExactly("SV1", "SV4");
        assertThat(matching(query("21DTHA1", null, "SV1", 10))).containsExactly("SV4");
    }

    @Test
    void findsTextInIdNameAndEmailWithoutCaseOrAccents() throws IOException {
        store.insert(new Student("2180601452", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28", "tnb@example.vn"));
        store.insert(new Student("SV2", "Trần Thị Mai", "21DTHA1", "2003-02-28", "mai.nguyen@example.vn"));
        store.insert(new Student("SV3", "Lê Văn Đức", "21DTHA2", "2003-02-28", "duc@example.vn"));
        store.insert(new Student("SV4", "Thang Long", "21DTHA2", "2003-02-28", "tl@example.vn"));

        assertThat(matching(query(null, "nguyen", null, 10))).containsExactly("2180601452", "SV2");
        assertThat(matching(query(null, "thang", null, 10))).containsExactly("2180601452", "SV4");
        assertThat(matching(query(null, "ĐỨC", null, 10))).containsExactly("SV3");
        assertThat(matching(query(null, "0601", null, 10))).containsExactly("2180601452");
        assertThat(matching(query("21DTHA2", "thang", null, 10))).containsExactly("SV4");
        assertThat(matching(query(null, "21DTHA", null, 10))).as("the class is not searched").isEmpty();
    }

    @Test
    void countsTheLimitInMatchingStudentsNotInRowsRead() throws IOException {
        for (int i = 0; i < 50; i++) {
            store.insert(i % 10 == 0 ? named(id("SV", i), "Phạm Thắng " + i) : student(id("SV", i)));
        }

        assertThat(matching(query(null, "thang", null, 3))).containsExactly(id("SV", 0), id("SV", 10), id("SV", 20));
        assertThat(matching(query(null, "thang", id("SV", 20), 3))).containsExactly(id("SV", 30), id("SV", 40));
    }

    @Test
    void passesOnTheSinksFailureWhileMatching() {
        List.of("SV1", "SV2", "SV3").forEach(id -> store.insert(student(id)));
        IOException failure = new IOException("client went away");

        assertThatThrownBy(() -> store.forEachMatching(query(null, "sv", null, 10), s -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(store.insert(student("SV4"))).isTrue();
    }

    @Test
    void pagingByKeySeesEveryStableStudentOnceWhileOthersComeAndGoBetweenPages() throws IOException {
        for (int i = 0; i < 120; i++) {
            store.insert(student(id("S", i * 2)));
        }
        List<String> seen = new ArrayList<>();
        int page = 0;
        Optional<String> after = Optional.empty();
        while (true) {
            List<String> ids = matching(new StudentQuery(Optional.empty(), Optional.empty(), after, 7));
            seen.addAll(ids);
            if (ids.size() < 7) {
                break;
            }
            after = Optional.of(ids.get(ids.size() - 1));
            // another client inserts before and after the cursor, and deletes what it inserted earlier
            store.insert(student(id("S", page * 7 + 1) + "x"));
            store.insert(student(id("S", 239 - page * 2 - 1) + "y"));
            if (page > 0) {
                store.delete(id("S", (page - 1) * 7 + 1) + "x", Optional.empty());
            }
            page++;
        }

        List<String> stable = IntStream.range(0, 120).mapToObj(i -> id("S", i * 2)).toList();
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(seen.stream().filter(stable::contains).toList()).isEqualTo(stable);
    }

    @Test
    void pagingByKeySeesEveryStableStudentOnceWhileAnotherThreadInsertsAndDeletes() throws Exception {
        int stableCount = 300;
        for (int i = 0; i < stableCount; i++) {
            store.insert(student(id("S", i * 10)));
            store.insert(student(id("S", i * 10 + 5)));
        }
        AtomicBoolean walking = new AtomicBoolean(true);
        CountDownLatch writing = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> changes = writer.submit(() -> {
            int done = 0;
            for (int i = 0; walking.get() || i < 50; i++) {
                int slot = i % stableCount;
                store.insert(student(id("S", slot * 10 + 3)));
                store.delete(id("S", slot * 10 + 5), Optional.empty());
                done += 2;
                writing.countDown();
            }
            return done;
        });
        try {
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            List<String> seen = new ArrayList<>();
            Optional<String> after = Optional.empty();
            while (true) {
                List<String> ids = matching(new StudentQuery(Optional.empty(), Optional.empty(), after, 11));
                seen.addAll(ids);
                if (ids.size() < 11) {
                    break;
                }
                after = Optional.of(ids.get(ids.size() - 1));
            }
            walking.set(false);

            List<String> stable = IntStream.range(0, stableCount).mapToObj(i -> id("S", i * 10)).toList();
            assertThat(seen).isSorted().doesNotHaveDuplicates();
            assertThat(seen.stream().filter(stable::contains).toList()).isEqualTo(stable);
            assertThat(changes.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(100);
        } finally {
            walking.set(false);
            writer.shutdownNow();
        }
    }

    // ---- ids ----

    @Test
    void tellsWhichIdsAreStored() {
        store.insert(student("SV1"));
        store.insert(student("SV3"));

        assertThat(store.existingIds(List.of("SV1", "SV2", "SV3", "sv1", "it's \"quoted\""))).containsExactlyInAnyOrder(
                "SV1", "SV3");
        assertThat(store.existingIds(List.of())).isEmpty();
    }

    @Test
    void looksUpAThousandIdsAtOnce() throws IOException {
        store.writeAll(generated("SV", 1500), ConflictPolicy.FAIL);
        List<String> asked = IntStream.range(1000, 2000).mapToObj(i -> id("SV", i)).toList();

        Set<String> stored = store.existingIds(asked);

        assertThat(stored).hasSize(500).contains(id("SV", 1000), id("SV", 1499)).doesNotContain(id("SV", 1500));
    }

    // ---- bulk writes ----

    @Test
    void writesEveryStudentOfTheSourceAndCountsThem() throws IOException {
        BulkCounts counts = store.writeAll(generated("SV", 2500), ConflictPolicy.FAIL);

        assertThat(counts).isEqualTo(new BulkCounts(2500, 0, 0));
        assertThat(store.listAll()).hasSize(2500).startsWith(student(id("SV", 0))).endsWith(student(id("SV", 2499)));
    }

    @Test
    void replaceOverwritesStoredIdsAndCountsThem() throws IOException {
        store.insert(named(id("SV", 1), "Old"));
        store.insert(named("SV9", "Untouched"));

        BulkCounts counts = store.writeAll(generated("SV", 3), ConflictPolicy.REPLACE);

        assertThat(counts).isEqualTo(new BulkCounts(2, 1, 0));
        assertThat(store.listAll()).containsExactly(student(id("SV", 0)), student(id("SV", 1)),
                student(id("SV", 2)), named("SV9", "Untouched"));
    }

    @Test
    void skipKeepsStoredIdsAndCountsThem() throws IOException {
        store.insert(named(id("SV", 1), "Old"));

        BulkCounts counts = store.writeAll(generated("SV", 3), ConflictPolicy.SKIP);

        assertThat(counts).isEqualTo(new BulkCounts(2, 0, 1));
        assertThat(store.find(id("SV", 1))).contains(named(id("SV", 1), "Old"));
        assertThat(store.listAll()).hasSize(3);
    }

    @Test
    void failRefusesAStoredIdNamingIt() {
        store.insert(named(id("SV", 3), "Old"));

        assertThatThrownBy(() -> store.writeAll(generated("SV", 6), ConflictPolicy.FAIL))
                .isInstanceOfSatisfying(DuplicateStudentException.class,
                        e -> assertThat(e.studentId()).isEqualTo(id("SV", 3)));

        assertThat(store.find(id("SV", 3))).contains(named(id("SV", 3), "Old"));
        if (bulkWritesAreAtomic()) {
            assertThat(store.listAll()).as("nothing of the import").containsExactly(named(id("SV", 3), "Old"));
        }
    }

    @Test
    void aSourceThatFailsHalfwayPassesTheFailureOn() {
        store.insert(named("SV0", "Before"));
        IOException failure = new IOException("upload cut off");
        StudentSource broken = sink -> {
            for (int i = 0; i < 1200; i++) {
                sink.accept(student(id("SV", i)));
            }
            throw failure;
        };

        assertThatThrownBy(() -> store.writeAll(broken, ConflictPolicy.REPLACE)).isSameAs(failure);
        assertThatThrownBy(() -> store.replaceAll(broken)).isSameAs(failure);

        if (bulkWritesAreAtomic()) {
            assertThat(store.listAll()).containsExactly(named("SV0", "Before"));
        }
    }

    @Test
    void replaceAllMakesTheTableExactlyTheSource() throws IOException {
        store.insert(named("SV0", "Gone"));
        store.insert(named(id("SV", 1), "Old"));

        BulkCounts counts = store.replaceAll(generated("SV", 3));

        assertThat(counts).isEqualTo(new BulkCounts(3, 0, 0));
        assertThat(store.listAll()).containsExactly(student(id("SV", 0)), student(id("SV", 1)),
                student(id("SV", 2)));
        assertThat(store.replaceAll(sourceOf(List.of()))).isEqualTo(BulkCounts.none());
        assertThat(store.listAll()).isEmpty();
    }

    @Test
    void readersDuringABulkWriteSeeTheTableBeforeIt() throws IOException {
        if (!bulkWritesAreAtomic()) {
            return;
        }
        store.insert(named("SV0", "Before"));
        Map<String, List<Student>> seen = new HashMap<>();
        StudentSource watched = sink -> {
            for (int i = 0; i < 10; i++) {
                sink.accept(student(id("SV", i)));
                if (i == 5) {
                    seen.put("middle", store.listAll());
                }
            }
        };

        store.replaceAll(watched);
        seen.put("after", store.listAll());
        store.writeAll(sink -> {
            sink.accept(named("SV1", "Added"));
            seen.put("during write", store.listAll());
        }, ConflictPolicy.SKIP);

        assertThat(seen.get("middle")).containsExactly(named("SV0", "Before"));
        assertThat(seen.get("after")).hasSize(10);
        assertThat(seen.get("during write")).hasSize(10);
        assertThat(store.listAll()).hasSize(11);
    }
}
