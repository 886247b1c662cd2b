package dev.studentapi.core.student;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudentValidatorTest {

    private final StudentValidator validator =
            new StudentValidator(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    private static Map<String, Object> valid() {
        Map<String, Object> map = new HashMap<>();
        map.put("studentid", "SV001");
        map.put("name", "Nguyễn Tri Bão Thắng");
        map.put("class", "21DTHA1");
        map.put("birthdate", "2003-02-28");
        map.put("email", "thang@example.edu.vn");
        return map;
    }

    private Map<String, FieldProblem> problemsOf(Map<String, Object> input) {
        StudentValidation result = validator.validate(input);
        assertThat(result).isInstanceOf(StudentValidation.Invalid.class);
        return ((StudentValidation.Invalid) result).problems();
    }

    @Test
    void acceptsAValidStudentAndTrimsSurroundingSpace() {
        Map<String, Object> input = valid();
        input.put("name", "  Nguyễn Tri Bão Thắng \t");
        StudentValidation result = validator.validate(input);
        assertThat(result).isEqualTo(new StudentValidation.Valid(new Student("SV001", "Nguyễn Tri Bão Thắng",
                "21DTHA1", "2003-02-28", "thang@example.edu.vn")));
    }

    @Nested
    class Rejects {
        @ParameterizedTest
        @ValueSource(strings = {"studentid", "name", "class", "birthdate", "email"})
        void aMissingField(String field) {
            Map<String, Object> input = valid();
            input.remove(field);
            assertThat(problemsOf(input)).containsExactly(Map.entry(field, FieldProblem.REQUIRED));
        }

        @ParameterizedTest
        @ValueSource(strings = {"studentid", "name", "class", "birthdate", "email"})
        void aBlankField(String field) {
            Map<String, Object> input = valid();
            input.put(field, "   ");
            assertThat(problemsOf(input)).containsEntry(field, FieldProblem.REQUIRED);
        }

        @Test
        void aNumberWhereAStringBelongs() {
            Map<String, Object> input = valid();
            input.put("studentid", 42);
            assertThat(problemsOf(input)).containsExactly(Map.entry("studentid", FieldProblem.INVALID_TYPE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"SV 001", "SV/001", "a.b", "<script>"})
        void idsWithOtherCharacters(String id) {
            Map<String, Object> input = valid();
            input.put("studentid", id);
            assertThat(problemsOf(input)).containsExactly(Map.entry("studentid", FieldProblem.INVALID_FORMAT));
        }

        @Test
        void overlongValues() {
            Map<String, Object> input = valid();
            input.put("studentid", "A".repeat(65));
            input.put("name", "ắ".repeat(201));
            input.put("class", "C".repeat(65));
            input.put("email", "a".repeat(250) + "@x.io");
            assertThat(problemsOf(input)).containsOnly(Map.entry("studentid", FieldProblem.TOO_LONG),
                    Map.entry("name", FieldProblem.TOO_LONG), Map.entry("class", FieldProblem.TOO_LONG),
                    Map.entry("email", FieldProblem.TOO_LONG));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2003-02-29", "2003-13-01", "03-02-2003", "2003/02/28", "yesterday"})
        void datesThatAreNotRealCalendarDates(String date) {
            Map<String, Object> input = valid();
            input.put("birthdate", date);
            assertThat(problemsOf(input)).containsExactly(Map.entry("birthdate", FieldProblem.INVALID_DATE));
        }

        @Test
        void birthdatesInTheFuture() {
            Map<String, Object> input = valid();
            input.put("birthdate", "2026-11-29");
            assertThat(problemsOf(input)).containsExactly(Map.entry("birthdate", FieldProblem.DATE_IN_FUTURE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain", "a@b", "@example.com", "a b@example.com", "a@@example.com"})
        void implausibleEmails(String email) {
            Map<String, Object> input = valid();
            input.put("email", email);
            assertThat(problemsOf(input)).containsExactly(Map.entry("email", FieldProblem.INVALID_EMAIL));
        }

        @Test
        void unknownFieldsByName() {
            Map<String, Object> input = valid();
            input.put("age", "20");
            assertThat(problemsOf(input)).containsExactly(Map.entry("age", FieldProblem.UNKNOWN_FIELD));
        }
    }

    @Test
    void acceptsTodayAsABirthdateAndALeapDay() {
        Map<String, Object> input = valid();
        input.put("birthdate", "2026-11-27");
        assertThat(validator.validate(input)).isInstanceOf(StudentValidation.Valid.class);
        input.put("birthdate", "2004-02-29");
        assertThat(validator.validate(input)).isInstanceOf(StudentValidation.Valid.class);
    }
}
