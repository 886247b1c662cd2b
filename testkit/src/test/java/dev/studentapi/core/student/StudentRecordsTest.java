package dev.studentapi.core.student;

import dev.studentapi.core.text.Language;
import dev.studentapi.testkit.Race;
import dev.studentapi.testkit.fake.RecordingMailer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.studentapi.testkit.Students.fieldsOf;
import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading, correcting, deleting and listing students through {@link StudentService}. */
class StudentRecordsTest {

    private static final Student THANG = new Student("2180601452", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28",
            "thang@example.edu.vn");
    private static final String STALE = "\"0000000000000000\"";

    private final ScriptedStudentStore store = new ScriptedStudentStore();
    private final StudentService service = new StudentService(store,
            new StudentValidator(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC)),
            new RecordingMailer(), new ConfirmationEmail(Language.EN, "noreply@school.test"));
    private final String tag = StudentTag.of(THANG).value();

    @BeforeEach
    void storeThang() {
        store.insert(THANG);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> corrected() {
        return body("name", "Nguyễn Tri Bão Thắng", "class", "21DTHA2", "birthdate", "2003-03-01",
                "email", "thang.nguyen@example.edu.vn");
    }

    private static final Student CORRECTED = new Student("2180601452", "Nguyễn Tri Bão Thắng", "21DTHA2",
            "2003-03-01", "thang.nguyen@example.edu.vn");

    private static ChangeOutcome rejected(String field, FieldProblem problem) {
        return new ChangeOutcome.Rejected(new StudentValidation.Invalid(Map.of(field, problem)));
    }

    @Test
    void findsAStoredStudentAndNothingForAnUnknownOrImpossibleId() {
        assertThat(service.find("2180601452")).contains(THANG);
        assertThat(service.find("SV404")).isEmpty();
        assertThat(service.find("../etc/passwd")).isEmpty();
    }

    @Nested
    class Replace {

        @Test
        void replacesEveryFieldButTheIdWhenTheBodyOmitsIt() {
            assertThat(service.replace("2180601452", corrected(), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Changed(CORRECTED));
            assertThat(service.find("2180601452")).contains(CORRECTED);
        }

        @Test
        void acceptsTheSameIdInTheBodyTrimmed() {
            Map<String, Object> body = corrected();
            body.put("studentid", " 2180601452 ");

            assertThat(service.replace("2180601452", body, Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Changed(CORRECTED));
        }

        @Test
        void refusesAnotherIdInTheBodyAndChangesNothing() {
            Map<String, Object> body = corrected();
            body.put("studentid", "2180601453");

            assertThat(service.replace("2180601452", body, Optional.empty()))
                    .isEqualTo(rejected("studentid", FieldProblem.ID_MISMATCH));
            assertThat(service.find("2180601452")).contains(THANG);
            assertThat(service.find("2180601453")).isEmpty();
        }

        @Test
        void validatesLikeAnInsertAndNamesEveryBrokenField() {
            Map<String, Object> body = corrected();
            body.remove("name");
            body.put("email", "not-an-address");
            body.put("nickname", "Thắng");

            assertThat(service.replace("2180601452", body, Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Rejected(new StudentValidation.Invalid(Map.of(
                            "name", FieldProblem.REQUIRED, "email", FieldProblem.INVALID_EMAIL,
                            "nickname", FieldProblem.UNKNOWN_FIELD))));
            assertThat(service.find("2180601452")).contains(THANG);
        }

        @Test
        void findsNoStudentToReplace() {
            assertThat(service.replace("SV404", corrected(), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.NotFound("SV404"));
            assertThat(service.replace("not an id", corrected(), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.NotFound("not an id"));
            assertThat(service.find("SV404")).isEmpty();
        }

        @Test
        void appliesWhenIfMatchNamesTheStoredState() {
            assertThat(service.replace("2180601452", corrected(), Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.Changed(CORRECTED));
        }

        @Test
        void appliesWhenIfMatchListsTheStoredStateOrIsTheWildcard() {
            assertThat(service.replace("2180601452", corrected(), Optional.of(STALE + ", " + tag)))
                    .isEqualTo(new ChangeOutcome.Changed(CORRECTED));
            assertThat(service.replace("2180601452", fieldsOf(THANG), Optional.of("*")))
                    .isEqualTo(new ChangeOutcome.Changed(THANG));
        }

        @Test
        void failsThePreconditionOnAStaleOrWeakTagAndChangesNothing() {
            assertThat(service.replace("2180601452", corrected(), Optional.of(STALE)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
            assertThat(service.replace("2180601452", corrected(), Optional.of("W/" + tag)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
            assertThat(service.find("2180601452")).contains(THANG);
        }

        @Test
        void failsThePreconditionWhenTheTaggedStudentIsGone() {
            assertThat(service.replace("SV404", corrected(), Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("SV404"));
            assertThat(service.replace("SV404", corrected(), Optional.of("*")))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("SV404"));
        }

        @Test
        void failsThePreconditionWhenAnotherWriterCameFirstAfterTheRead() {
            store.beforeNextWrite(() -> store.replace(new Student(THANG.studentId(), "Other", "X", "2001-01-01",
                    "o@example.com"), Optional.empty()));

            assertThat(service.replace("2180601452", corrected(), Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
            assertThat(service.find("2180601452")).get().extracting(Student::name).isEqualTo("Other");
        }

        @Test
        void lastWriteWinsWithoutIfMatch() {
            store.beforeNextWrite(() -> store.replace(new Student(THANG.studentId(), "Other", "X", "2001-01-01",
                    "o@example.com"), Optional.empty()));

            assertThat(service.replace("2180601452", corrected(), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Changed(CORRECTED));
            assertThat(service.find("2180601452")).contains(CORRECTED);
        }

        @Test
        void letsExactlyOneOfTwentyWritersWithTheSameTagWin() throws Exception {
            List<ChangeOutcome> outcomes = Race.run(20, thread -> {
                Map<String, Object> body = corrected();
                body.put("name", "Racer " + thread);
                return service.replace("2180601452", body, Optional.of(tag));
            });

            assertThat(outcomes).filteredOn(ChangeOutcome.Changed.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.equals(new ChangeOutcome.PreconditionFailed("2180601452")))
                    .hasSize(19);
            ChangeOutcome.Changed winner = (ChangeOutcome.Changed) outcomes.stream()
                    .filter(ChangeOutcome.Changed.class::isInstance).findFirst().orElseThrow();
            assertThat(service.find("2180601452")).contains(winner.student());
        }
    }

    @Nested
    class Patch {

        @Test
        void changesOnlyTheFieldsItNames() {
            assertThat(service.patch("2180601452", body("birthdate", "2003-03-01"), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Changed(new Student(THANG.studentId(), THANG.name(),
                            THANG.className(), "2003-03-01", THANG.email())));
        }

        @Test
        void normalisesThePatchedValuesLikeAnInsert() {
            assertThat(service.patch("2180601452", body("class", "  21DTHA9 "), Optional.empty()))
                    .extracting(o -> ((ChangeOutcome.Changed) o).student().className()).isEqualTo("21DTHA9");
        }

        @Test
        void anEmptyPatchKeepsTheStudent() {
            assertThat(service.patch("2180601452", Map.of(), Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.Changed(THANG));
        }

        @Test
        void nullRemovesAFieldWhichThenIsRequired() {
            Map<String, Object> patch = new HashMap<>();
            patch.put("email", null);

            assertThat(service.patch("2180601452", patch, Optional.empty()))
                    .isEqualTo(rejected("email", FieldProblem.REQUIRED));
            assertThat(service.find("2180601452")).contains(THANG);
        }

        @Test
        void takesItsOwnIdAndRefusesAnotherOrItsRemoval() {
            assertThat(service.patch("2180601452", body("studentid", "2180601452", "class", "X"), Optional.empty()))
                    .isInstanceOf(ChangeOutcome.Changed.class);
            assertThat(service.patch("2180601452", body("studentid", "SV1", "class", "Y"), Optional.empty()))
                    .isEqualTo(rejected("studentid", FieldProblem.ID_MISMATCH));
            Map<String, Object> removal = new HashMap<>();
            removal.put("studentid", null);
            assertThat(service.patch("2180601452", removal, Optional.empty()))
                    .isEqualTo(rejected("studentid", FieldProblem.REQUIRED));
            assertThat(service.find("2180601452")).get().extracting(Student::className).isEqualTo("X");
        }

        @Test
        void refusesUnknownMembersAndValuesThatAreNotText() {
            Map<String, Object> patch = new HashMap<>();
            patch.put("nickname", null);
            patch.put("name", 42);
            patch.put("class", Map.of("code", "21DTHA1"));

            assertThat(service.patch("2180601452", patch, Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Rejected(new StudentValidation.Invalid(Map.of(
                            "nickname", FieldProblem.UNKNOWN_FIELD, "name", FieldProblem.INVALID_TYPE,
                            "class", FieldProblem.INVALID_TYPE))));
        }

        @Test
        void findsNoStudentToPatch() {
            assertThat(service.patch("SV404", body("class", "X"), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.NotFound("SV404"));
            assertThat(service.patch("SV404", body("class", "X"), Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("SV404"));
        }

        @Test
        void failsThePreconditionOnAStaleTag() {
            assertThat(service.patch("2180601452", body("class", "X"), Optional.of(STALE)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
            assertThat(service.patch("2180601452", body("class", "X"), Optional.of(tag)))
                    .isInstanceOf(ChangeOutcome.Changed.class);
        }

        @Test
        void isAppliedAgainToTheNewerStateWhenAnotherWriterCameFirstWithoutIfMatch() {
            store.beforeNextWrite(() -> store.replace(new Student(THANG.studentId(), "Renamed", THANG.className(),
                    THANG.birthdate(), THANG.email()), Optional.empty()));

            assertThat(service.patch("2180601452", body("class", "21DTHA2"), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Changed(new Student(THANG.studentId(), "Renamed", "21DTHA2",
                            THANG.birthdate(), THANG.email())));
        }

        @Test
        void failsThePreconditionWhenAnotherWriterCameFirstWithIfMatch() {
            store.beforeNextWrite(() -> store.replace(new Student(THANG.studentId(), "Renamed", THANG.className(),
                    THANG.birthdate(), THANG.email()), Optional.empty()));

            assertThat(service.patch("2180601452", body("class", "21DTHA2"), Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
            assertThat(service.find("2180601452")).get().extracting(Student::className).isEqualTo("21DTHA1");
        }

        @Test
        void findsTheStudentGoneWhenItWasDeletedAfterTheRead() {
            store.beforeNextWrite(() -> store.delete(THANG.studentId(), Optional.empty()));

            assertThat(service.patch("2180601452", body("class", "21DTHA2"), Optional.empty()))
                    .isEqualTo(new ChangeOutcome.NotFound("2180601452"));
        }
    }

    @Nested
    class Delete {

        @Test
        void deletesAndThenFindsNothing() {
            assertThat(service.delete("2180601452", Optional.empty()))
                    .isEqualTo(new ChangeOutcome.Deleted("2180601452"));
            assertThat(service.find("2180601452")).isEmpty();
            assertThat(service.delete("2180601452", Optional.empty()))
                    .isEqualTo(new ChangeOutcome.NotFound("2180601452"));
        }

        @Test
        void honoursIfMatch() {
            assertThat(service.delete("2180601452", Optional.of(STALE)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
            assertThat(service.find("2180601452")).contains(THANG);
            assertThat(service.delete("2180601452", Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.Deleted("2180601452"));
            assertThat(service.delete("2180601452", Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
        }

        @Test
        void theWildcardDeletesWhatExistsAndFailsOnNothing() {
            assertThat(service.delete("2180601452", Optional.of("*")))
                    .isEqualTo(new ChangeOutcome.Deleted("2180601452"));
            assertThat(service.delete("2180601452", Optional.of("*")))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
        }

        @Test
        void keepsAStudentChangedAfterTheRead() {
            Student other = new Student(THANG.studentId(), "Other", "X", "2001-01-01", "o@example.com");
            store.beforeNextWrite(() -> store.replace(other, Optional.empty()));

            assertThat(service.delete("2180601452", Optional.of(tag)))
                    .isEqualTo(new ChangeOutcome.PreconditionFailed("2180601452"));
            assertThat(service.find("2180601452")).contains(other);
        }

        @Test
        void letsExactlyOneOfTwentyDeletesWithTheSameTagWin() throws Exception {
            List<ChangeOutcome> outcomes = Race.run(20, thread -> service.delete("2180601452", Optional.of(tag)));

            assertThat(outcomes).containsOnlyOnce(new ChangeOutcome.Deleted("2180601452"));
            assertThat(outcomes).filteredOn(o -> o.equals(new ChangeOutcome.PreconditionFailed("2180601452")))
                    .hasSize(19);
        }
    }

    @Nested
    class Pages {

        @BeforeEach
        void storeMore() {
            store.delete(THANG.studentId(), Optional.empty());
            for (int i = 1; i <= 25; i++) {
                store.insert(student(String.format("SV%03d", i)));
            }
        }

        private StudentQuery query(Optional<String> className, Optional<String> text, int limit) {
            return new StudentQuery(className, text, Optional.empty(), limit);
        }

        @Test
        void walksEveryStudentOnceByKey() {
            List<String> seen = new ArrayList<>();
            StudentQuery query = query(Optional.empty(), Optional.empty(), 10);
            List<Integer> sizes = new ArrayList<>();
            while (true) {
                StudentPage page = service.page(query);
                sizes.add(page.students().size());
                page.students().forEach(s -> seen.add(s.studentId()));
                if (page.nextAfter().isEmpty()) {
                    break;
                }
                query = query.after(page.nextAfter().get());
            }

            assertThat(sizes).containsExactly(10, 10, 5);
            assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
        }

        @Test
        void saysNothingRemainsWhenThePageEndsExactlyAtTheLastStudent() {
            StudentPage page = service.page(query(Optional.empty(), Optional.empty(), 25));

            assertThat(page.students()).hasSize(25);
            assertThat(page.nextAfter()).isEmpty();
            assertThat(service.page(query(Optional.empty(), Optional.empty(), 24)).nextAfter()).contains("SV024");
        }

        @Test
        void filtersByClassAndAccentInsensitiveTextWhilePaging() {
            store.insert(new Student("SV100", "Nguyễn Văn An", "21DTHA1", "2003-01-01", "an@example.vn"));
            store.insert(new Student("SV101", "Trần Thắng", "21DTHA1", "2003-01-01", "tt@example.vn"));
            store.insert(new Student("SV102", "Lê Thắng", "21DTHA2", "2003-01-01", "lt@example.vn"));

            assertThat(service.page(query(Optional.empty(), Optional.of("nguyen"), 10)).students())
                    .extracting(Student::studentId).containsExactly("SV100");
            StudentPage first = service.page(query(Optional.empty(), Optional.of("thang"), 1));
            assertThat(first.students()).extracting(Student::studentId).containsExactly("SV101");
            assertThat(service.page(query(Optional.empty(), Optional.of("thang"), 1).after(first.nextAfter()
                    .orElseThrow())).students()).extracting(Student::studentId).containsExactly("SV102");
            assertThat(service.page(query(Optional.of("21DTHA1"), Optional.of("THANG"), 10)).students())
                    .extracting(Student::studentId).containsExactly("SV101");
        }

        @Test
        void aWholeListingHasNoNextPage() {
            assertThat(service.page(StudentQuery.all()).students()).hasSize(25);
            assertThat(service.page(StudentQuery.all()).nextAfter()).isEmpty();
        }

        @Test
        void exportsTheMatchingStudentsInOrder() throws IOException {
            store.insert(inClass("SV026", "CNTT2"));
            List<String> exported = new ArrayList<>();

            service.export(query(Optional.of("CNTT2"), Optional.empty(), Integer.MAX_VALUE),
                    s -> exported.add(s.studentId()));

            assertThat(exported).containsExactly("SV026");
        }

        private Student inClass(String id, String className) {
            Student s = student(id);
            return new Student(id, s.name(), className, s.birthdate(), s.email());
        }
    }
}
