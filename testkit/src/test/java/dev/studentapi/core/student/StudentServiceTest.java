package dev.studentapi.core.student;

import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.text.Language;
import dev.studentapi.testkit.fake.InMemoryStudentStore;
import dev.studentapi.testkit.fake.RecordingMailer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudentServiceTest {

    private final InMemoryStudentStore store = new InMemoryStudentStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final StudentService service = new StudentService(store,
            new StudentValidator(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC)), mailer,
            new ConfirmationEmail(Language.EN, "noreply@school.test"));

    private static Map<String, Object> submitted(String id, String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("studentid", id);
        fields.put("name", name);
        fields.put("class", "21DTHA1");
        fields.put("birthdate", "2003-02-28");
        fields.put("email", id.toLowerCase() + "@example.edu.vn");
        return fields;
    }

    @Test
    void registersAStudentAndMailsTheConfirmationToThem() {
        InsertOutcome outcome = service.register(submitted("SV001", "  Nguyễn Tri Bão Thắng "));

        Student saved = new Student("SV001", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28", "sv001@example.edu.vn");
        assertThat(outcome).isEqualTo(new InsertOutcome.Saved(saved, new MailDelivery.Sent()));
        assertThat(service.list()).containsExactly(saved);
        assertThat(mailer.sent()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("sv001@example.edu.vn");
            assertThat(mail.text()).startsWith("Hello Nguyễn Tri Bão Thắng,");
        });
    }

    @Test
    void storesTheComposedFormOfADecomposedName() {
        service.register(submitted("SV001", "Tra\u0302\u0300n Thi\u0323 Mai"));

        assertThat(service.list()).singleElement().extracting(Student::name).isEqualTo("Trần Thị Mai");
    }

    @Test
    void keepsTheStudentWhenTheConfirmationFails() {
        mailer.refuseWith("mailbox unavailable");

        InsertOutcome outcome = service.register(submitted("SV001", "Mai"));

        assertThat(outcome).isInstanceOfSatisfying(InsertOutcome.Saved.class, saved ->
                assertThat(saved.confirmation()).isEqualTo(new MailDelivery.Failed("mailbox unavailable")));
        assertThat(service.list()).extracting(Student::studentId).containsExactly("SV001");
    }

    @Test
    void listsAndStreamsInIdOrderAndReportsTheStoresVersion() throws Exception {
        service.register(submitted("SV002", "Mai"));
        service.register(submitted("SV001", "Thắng"));

        List<String> streamed = new ArrayList<>();
        service.forEach(student -> streamed.add(student.studentId()));

        assertThat(streamed).containsExactly("SV001", "SV002");
        assertThat(service.list()).extracting(Student::studentId).containsExactly("SV001", "SV002");
        assertThat(service.changeVersion()).isEqualTo(store.changeVersion());
    }

    @Nested
    class Refusals {

        @Test
        void aTakenIdIsADuplicateThatChangesNothingAndMailsNobody() {
            service.register(submitted("SV001", "Mai"));

            InsertOutcome outcome = service.register(submitted("SV001", "Someone Else"));

            assertThat(outcome).isEqualTo(new InsertOutcome.Duplicate("SV001"));
            assertThat(service.list()).extracting(Student::name).containsExactly("Mai");
            assertThat(mailer.sent()).hasSize(1);
        }

        @Test
        void anIdWithSurroundingSpaceIsTheSameId() {
            service.register(submitted("SV001", "Mai"));

            Map<String, Object> again = submitted("SV001", "Mai");
            again.put("studentid", " SV001\t");

            assertThat(service.register(again)).isEqualTo(new InsertOutcome.Duplicate("SV001"));
        }

        @Test
        void brokenFieldsAreRejectedWithoutStoringOrMailing() {
            Map<String, Object> fields = submitted("SV001", "Mai\u202E");
            fields.remove("email");

            InsertOutcome outcome = service.register(fields);

            assertThat(outcome).isInstanceOfSatisfying(InsertOutcome.Rejected.class, rejected ->
                    assertThat(rejected.problems().problems()).containsOnly(
                            Map.entry("name", FieldProblem.INVALID_CHARACTERS),
                            Map.entry("email", FieldProblem.REQUIRED)));
            assertThat(service.list()).isEmpty();
            assertThat(mailer.sent()).isEmpty();
        }
    }
}
