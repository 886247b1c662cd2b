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

    @Nested
    class Characters {
        private static final String DECOMPOSED_NAME = "Nguye\u0302\u0303n Tri Ba\u0303o Tha\u0306\u0301ng";

        @Test
        void aDecomposedVietnameseNameIsStoredComposed() {
            Map<String, Object> input = valid();
            input.put("name", DECOMPOSED_NAME);

            StudentValidation result = validator.validate(input);

            assertThat(result).isEqualTo(validator.validate(valid()));
            assertThat(((StudentValidation.Valid) result).student().name()).isEqualTo("Nguyễn Tri Bão Thắng")
                    .isNotEqualTo(DECOMPOSED_NAME);
        }

        @Test
        void lengthIsCountedAfterComposing() {
            Map<String, Object> input = valid();
            input.put("name", "a\u0301".repeat(200));
            assertThat(validator.validate(input)).isInstanceOf(StudentValidation.Valid.class);
        }

        @Test
        void aLoneSurrogateIsRefusedNamingTheField() {
            Map<String, Object> input = valid();
            input.put("name", "Th\uD835ng");
            assertThat(problemsOf(input)).containsExactly(Map.entry("name", FieldProblem.INVALID_CHARACTERS));
            input.put("name", "Th\uDC00ng");
            assertThat(problemsOf(input)).containsExactly(Map.entry("name", FieldProblem.INVALID_CHARACTERS));
        }

        @Test
        void aPairedSurrogateIsAnOrdinaryCharacter() {
            Map<String, Object> input = valid();
            input.put("name", "Mai \uD83C\uDF38");
            assertThat(validator.validate(input)).isInstanceOf(StudentValidation.Valid.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"studentid", "name", "class", "birthdate", "email"})
        void aNulIsRefusedInEveryField(String field) {
            Map<String, Object> input = valid();
            input.put(field, "x\u0000" + input.get(field));
            assertThat(problemsOf(input)).containsExactly(Map.entry(field, FieldProblem.INVALID_CHARACTERS));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0001", "\u0007", "\u001B", "\t", "\n", "\u007F", "\u0080", "\u0085",
                "\u009F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
                "\u2069"})
        void controlsAndBidiOverridesInsideAValueAreRefused(String character) {
            Map<String, Object> input = valid();
            input.put("class", "21" + character + "DTHA1");
            assertThat(problemsOf(input)).containsExactly(Map.entry("class", FieldProblem.INVALID_CHARACTERS));
        }

        @Test
        void surroundingLineBreaksAreWhiteSpaceAndTrimmed() {
            Map<String, Object> input = valid();
            input.put("class", "\r\n21DTHA1\n");
            assertThat(validator.validate(input)).isEqualTo(validator.validate(valid()));
        }

        @Test
        void bidiMarksThatAreNoOverridesAreAllowed() {
            Map<String, Object> input = valid();
            input.put("name", "\u200FMai\u200E");
            assertThat(validator.validate(input)).isInstanceOf(StudentValidation.Valid.class);
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
