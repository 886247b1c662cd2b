package dev.studentapi.core.student;

import dev.studentapi.core.text.Language;
import dev.studentapi.testkit.fake.RecordingMailer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.studentapi.testkit.Students.fieldsOf;
import static dev.studentapi.testkit.Students.id;
import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;

class StudentImportTest {

    private final ScriptedStudentStore store = new ScriptedStudentStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final StudentImport imports = new StudentImport(store,
            new StudentValidator(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC)), mailer,
            new ImportSummaryEmail(Language.EN, "noreply@school.test"), "registrar@school.test");
    private final AtomicInteger passes = new AtomicInteger();

    /** Rows 1..n, each the fields of the student with the generated id, with a chance to change some rows. */
    private ImportSource rows(int count, RowEdit edit) {
        return sink -> {
            passes.incrementAndGet();
            for (int i = 1; i <= count; i++) {
                Map<String, Object> fields = fieldsOf(student(id("SV", i)));
                edit.apply(i, fields);
                sink.accept(new ImportRow(i, fields));
            }
        };
    }

    private ImportSource rows(int count) {
        return rows(count, (row, fields) -> { });
    }

    private interface RowEdit {
        void apply(int row, Map<String, Object> fields);
    }

    private static ImportOptions options(ConflictPolicy policy) {
        return new ImportOptions(policy, false);
    }

    @Test
    void storesEveryRowAndMailsOneSummary() throws IOException {
        ImportOutcome outcome = imports.run(rows(2500), ImportOptions.defaults());

        assertThat(outcome).isEqualTo(new ImportOutcome.Imported(new BulkCounts(2500, 0, 0), false));
        assertThat(store.listAll()).hasSize(2500).first().isEqualTo(student(id("SV", 1)));
        assertThat(mailer.sent()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("registrar@school.test");
            assertThat(mail.text()).contains("2500", "Added: 2500");
        });
        assertThat(passes).hasValue(2);
    }

    @Test
    void looksUpStoredIdsInBatchesOfAtMostAThousand() throws IOException {
        imports.run(rows(2500), ImportOptions.defaults());

        assertThat(store.lookups()).containsExactly(1000, 1000, 500);
    }

    @Test
    void keepsTheImportWhenTheSummaryCannotBeMailed() throws IOException {
        mailer.refuseWith("mailbox unavailable");

        assertThat(imports.run(rows(3), ImportOptions.defaults()))
                .isEqualTo(new ImportOutcome.Imported(new BulkCounts(3, 0, 0), false));
        assertThat(store.listAll()).hasSize(3);
    }

    @Test
    void storesNothingOfAnEmptyFileButStillSaysSo() throws IOException {
        assertThat(imports.run(rows(0), ImportOptions.defaults()))
                .isEqualTo(new ImportOutcome.Imported(BulkCounts.none(), false));
    }

    @Nested
    class Refusals {

        @Test
        void storesNothingWhenOneRowFarIntoTheFileIsInvalid() throws IOException {
            ImportOutcome outcome = imports.run(rows(5000, (row, fields) -> {
                if (row == 4321) {
                    fields.put("birthdate", "2003-02-30");
                }
            }), ImportOptions.defaults());

            assertThat(outcome).isEqualTo(new ImportOutcome.Refused(List.of(
                    new RowError(4321, "birthdate", "INVALID_DATE", "birthdate must be a real date YYYY-MM-DD")), 1));
            assertThat(store.listAll()).isEmpty();
            assertThat(mailer.sent()).isEmpty();
            assertThat(passes).hasValue(1);
        }

        @Test
        void namesEveryFieldOfARowAndUnknownColumns() throws IOException {
            ImportOutcome outcome = imports.run(rows(2, (row, fields) -> {
                if (row == 2) {
                    fields.remove("name");
                    fields.put("email", "nobody");
                    fields.put("phone", "0909");
                }
            }), ImportOptions.defaults());

            assertThat(outcome).isEqualTo(new ImportOutcome.Refused(List.of(
                    RowError.of(2, "name", "REQUIRED"), RowError.of(2, "email", "INVALID_EMAIL"),
                    RowError.of(2, "phone", "UNKNOWN_FIELD")), 3));
        }

        @Test
        void refusesAnIdRepeatedInTheFileOnItsSecondRow() throws IOException {
            ImportOutcome outcome = imports.run(rows(10, (row, fields) -> {
                if (row == 7) {
                    fields.put("studentid", id("SV", 3));
                }
            }), ImportOptions.defaults());

            assertThat(outcome).isEqualTo(new ImportOutcome.Refused(List.of(
                    new RowError(7, "studentid", "DUPLICATE_IN_FILE", "studentid appears more than once in the file")),
                    1));
        }

        @Test
        void refusesAStoredIdWhenConflictsFail() throws IOException {
            store.insert(student(id("SV", 2)));
            store.insert(student(id("SV", 1500)));

            ImportOutcome outcome = imports.run(rows(2000), ImportOptions.defaults());

            assertThat(outcome).isEqualTo(new ImportOutcome.Refused(List.of(
                    new RowError(2, "studentid", "DUPLICATE_STUDENT_ID", "studentid already exists"),
                    RowError.of(1500, "studentid", RowError.DUPLICATE_STUDENT_ID)), 2));
            assertThat(store.listAll()).hasSize(2);
        }

        @Test
        void reportsTheFirstHundredErrorsByRowAndCountsThemAll() throws IOException {
            store.insert(student(id("SV", 5)));
            ImportOutcome outcome = imports.run(rows(3000, (row, fields) -> {
                if (row % 10 == 0) {
                    fields.put("email", "broken");
                }
            }), ImportOptions.defaults());

            assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Refused.class, refused -> {
                assertThat(refused.totalErrors()).isEqualTo(301);
                assertThat(refused.firstErrors()).hasSize(StudentImport.MAX_ERRORS);
                assertThat(refused.firstErrors()).extracting(RowError::row).isSorted().startsWith(5L, 10L, 20L)
                        .endsWith(990L);
            });
        }

        @Test
        void refusesAnIdStoredByAnotherWriterBetweenThePasses() throws IOException {
            store.beforeNextWrite(() -> store.insert(student(id("SV", 4))));

            ImportOutcome outcome = imports.run(rows(6), ImportOptions.defaults());

            assertThat(outcome).isEqualTo(new ImportOutcome.Refused(List.of(
                    RowError.of(4, "studentid", RowError.DUPLICATE_STUDENT_ID)), 1));
            assertThat(store.listAll()).extracting(Student::studentId).containsExactly(id("SV", 4));
            assertThat(mailer.sent()).isEmpty();
        }
    }

    @Nested
    class Conflicts {

        private final Student stored = new Student(id("SV", 2), "Kept Name", "OLD", "1999-01-01", "k@example.com");

        @Test
        void skipKeepsTheStoredStudent() throws IOException {
            store.insert(stored);

            assertThat(imports.run(rows(3), options(ConflictPolicy.SKIP)))
                    .isEqualTo(new ImportOutcome.Imported(new BulkCounts(2, 0, 1), false));
            assertThat(store.find(id("SV", 2))).contains(stored);
        }

        @Test
        void replaceOverwritesTheStoredStudent() throws IOException {
            store.insert(stored);

            assertThat(imports.run(rows(3), options(ConflictPolicy.REPLACE)))
                    .isEqualTo(new ImportOutcome.Imported(new BulkCounts(2, 1, 0), false));
            assertThat(store.find(id("SV", 2))).contains(student(id("SV", 2)));
            assertThat(mailer.sent()).singleElement().satisfies(mail ->
                    assertThat(mail.text()).contains("Replaced: 1"));
        }

        @Test
        void aDryRunCountsWhatWouldHappenAndStoresAndMailsNothing() throws IOException {
            store.insert(stored);

            assertThat(imports.run(rows(3), new ImportOptions(ConflictPolicy.REPLACE, true)))
                    .isEqualTo(new ImportOutcome.Imported(new BulkCounts(2, 1, 0), true));
            assertThat(imports.run(rows(3), new ImportOptions(ConflictPolicy.SKIP, true)))
                    .isEqualTo(new ImportOutcome.Imported(new BulkCounts(2, 0, 1), true));
            assertThat(store.listAll()).containsExactly(stored);
            assertThat(mailer.sent()).isEmpty();
        }

        @Test
        void aDryRunReportsTheSameErrors() throws IOException {
            store.insert(stored);

            assertThat(imports.run(rows(3), new ImportOptions(ConflictPolicy.FAIL, true)))
                    .isEqualTo(new ImportOutcome.Refused(List.of(
                            RowError.of(2, "studentid", RowError.DUPLICATE_STUDENT_ID)), 1));
        }
    }

    @Test
    void readsTheSourceOnlyRowByRow() throws IOException {
        List<Long> delivered = new ArrayList<>();
        ImportSource counting = sink -> rows(5).forEach(row -> {
            delivered.add(row.row());
            sink.accept(row);
        });

        imports.run(counting, ImportOptions.defaults());

        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L, 1L, 2L, 3L, 4L, 5L);
    }
}
