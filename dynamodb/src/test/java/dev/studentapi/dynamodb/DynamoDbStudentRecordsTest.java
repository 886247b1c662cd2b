package dev.studentapi.dynamodb;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.DuplicateStudentException;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StoreWrite;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the DynamoDB student store does beyond the contract: chunk and batch boundaries, races, and its filters. */
class DynamoDbStudentRecordsTest {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    private static List<Student> students(int count) {
        return IntStream.range(0, count).map(i -> (i * 37) % count)
                .mapToObj(i -> student(String.format("SV%04d", i))).toList();
    }

    private static StudentSource source(List<Student> students) {
        return sink -> {
            for (Student student : students) {
                sink.accept(student);
            }
        };
    }

    private static List<String> ids(DynamoDbStudentStore store, StudentQuery query) throws IOException {
        List<String> seen = new ArrayList<>();
        store.forEachMatching(query, student -> seen.add(student.studentId()));
        return seen;
    }

    private static Student renamed(Student student, String name) {
        return new Student(student.studentId(), name, student.className(), student.birthdate(), student.email());
    }

    private static Student inClass(Student student, String className) {
        return new Student(student.studentId(), student.name(), className, student.birthdate(), student.email());
    }

    @Nested
    class ConditionalWrites {

        private final DynamoDbStudentStore store = new DynamoDbStudentStore(MOTO.freshTables());

        @Test
        void ofTwentyReplacesExpectingTheSameStudentExactlyOneIsDone() throws Exception {
            Student stored = student("SV001");
            store.insert(stored);

            List<StoreWrite> writes = Race.run(20,
                    thread -> store.replace(renamed(stored, "Writer " + thread), Optional.of(stored)));

            assertThat(writes).containsOnlyOnce(StoreWrite.DONE)
                    .filteredOn(StoreWrite.CHANGED::equals).hasSize(19);
            int winner = writes.indexOf(StoreWrite.DONE);
            assertThat(store.find("SV001")).contains(renamed(stored, "Writer " + winner));
        }

        @Test
        void ofTwentyDeletesExpectingTheSameStudentExactlyOneIsDone() throws Exception {
            Student stored = student("SV001");
            store.insert(stored);

            List<StoreWrite> writes = Race.run(20, thread -> store.delete("SV001", Optional.of(stored)));

            assertThat(writes).containsOnlyOnce(StoreWrite.DONE)
                    .filteredOn(StoreWrite.CHANGED::equals).hasSize(19);
            assertThat(store.find("SV001")).isEmpty();
        }

        @Test
        void aReplaceNeverCreatesAStudent() {
            assertThat(store.replace(student("SV404"), Optional.empty())).isEqualTo(StoreWrite.ABSENT);
            assertThat(store.replace(student("SV404"), Optional.of(student("SV404")))).isEqualTo(StoreWrite.CHANGED);
            assertThat(store.find("SV404")).isEmpty();
        }

        @Test
        void aChangeOfAnyFieldMakesTheExpectationFail() {
            Student stored = student("SV001");
            store.insert(stored);
            Student otherEmail = new Student("SV001", stored.name(), stored.className(), stored.birthdate(),
                    "other@example.edu.vn");
            store.replace(otherEmail, Optional.empty());

            assertThat(store.delete("SV001", Optional.of(stored))).isEqualTo(StoreWrite.CHANGED);
            assertThat(store.find("SV001")).contains(otherEmail);
        }
    }

    @Nested
    class Listings {

        private final DynamoDbStudentStore store = new DynamoDbStudentStore(MOTO.freshTables(), 7);

        @Test
        void aPageOfAFilteredListingSpansChunksAndStopsAtItsLimit() throws IOException {
            List<Student> all = students(60);
            for (Student student : all) {
                int n = Integer.parseInt(student.studentId().substring(2));
                store.insert(n % 3 == 0 ? inClass(student, "CNTT3") : student);
            }
            StudentQuery third = new StudentQuery(Optional.of("CNTT3"), Optional.empty(), Optional.of("SV0010"), 5);

            assertThat(ids(store, third)).containsExactly("SV0012", "SV0015", "SV0018", "SV0021", "SV0024");
            assertThat(ids(store, third.unlimited())).hasSize(16).last().isEqualTo("SV0057");
        }

        @Test
        void aTextFilterFindsNamesWithoutTheirAccents() throws IOException {
            store.insert(renamed(student("SV001"), "Nguyễn Tri Bão Thắng"));
            store.insert(renamed(student("SV002"), "Trần Thị Mai"));
            store.insert(renamed(student("SV003"), "Đặng Văn Thắng"));

            StudentQuery thang = new StudentQuery(Optional.empty(), Optional.of("thang"), Optional.empty(), 1000);

            assertThat(ids(store, thang)).containsExactly("SV001", "SV003");
            assertThat(ids(store, thang.withLimit(1).after("SV001"))).containsExactly("SV003");
            assertThat(ids(store, thang.withLimit(1000).after("SV000").withLimit(1))).containsExactly("SV001");
        }

        @Test
        void existingIdsAsksInChunksAndIgnoresRepeats() {
            students(250).forEach(store::insert);
            List<String> asked = new ArrayList<>();
            IntStream.range(0, 500).forEach(i -> asked.add(String.format("SV%04d", i)));
            asked.add("SV0001");

            assertThat(store.existingIds(asked)).hasSize(250).contains("SV0000", "SV0249").doesNotContain("SV0250");
        }
    }

    @Nested
    class BulkWrites {

        private final DynamoDbStudentStore store = new DynamoDbStudentStore(MOTO.freshTables());

        @Test
        void replaceCountsWhatWasStoredAcrossGroups() throws IOException {
            List<Student> all = students(230);
            all.subList(0, 40).forEach(store::insert);

            BulkCounts counts = store.writeAll(source(all.stream().map(s -> renamed(s, "New")).toList()),
                    ConflictPolicy.REPLACE);

            assertThat(counts).isEqualTo(new BulkCounts(190, 40, 0));
            assertThat(store.listAll()).hasSize(230).allSatisfy(s -> assertThat(s.name()).isEqualTo("New"));
        }

        @Test
        void skipKeepsEveryStoredStudent() throws IOException {
            List<Student> all = students(130);
            all.subList(100, 130).forEach(store::insert);

            BulkCounts counts = store.writeAll(source(all.stream().map(s -> renamed(s, "New")).toList()),
                    ConflictPolicy.SKIP);

            assertThat(counts).isEqualTo(new BulkCounts(100, 0, 30));
            assertThat(store.listAll()).filteredOn(s -> s.name().equals("New")).hasSize(100);
        }

        @Test
        void failStopsBeforeTheGroupThatHoldsAStoredId() {
            List<Student> all = students(150);
            store.insert(all.get(120));

            assertThatThrownBy(() -> store.writeAll(source(all), ConflictPolicy.FAIL))
                    .isInstanceOfSatisfying(DuplicateStudentException.class,
                            e -> assertThat(e.studentId()).isEqualTo(all.get(120).studentId()));
            assertThat(store.listAll()).hasSize(101);
        }

        @Test
        void replaceAllLeavesExactlyTheSource() throws IOException {
            students(120).forEach(store::insert);
            List<Student> restored = students(300).subList(200, 300).stream().map(s -> renamed(s, "Restored"))
                    .toList();

            BulkCounts counts = store.replaceAll(source(restored));

            assertThat(counts).isEqualTo(new BulkCounts(100, 0, 0));
            assertThat(store.listAll()).containsExactlyElementsOf(
                    restored.stream().sorted(java.util.Comparator.comparing(Student::studentId)).toList());
        }

        @Test
        void replaceAllWithNothingEmptiesTheTable() throws IOException {
            students(60).forEach(store::insert);

            assertThat(store.replaceAll(source(List.of()))).isEqualTo(BulkCounts.none());
            assertThat(store.listAll()).isEmpty();
        }
    }
}
