package dev.studentapi.core.student;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies the field rules of a student (SPEC §2) to a decoded JSON object; the values of a valid student are
 * trimmed and in Unicode NFC, so that they are stored and compared (for uniqueness too) in one form.
 */
public final class StudentValidator {

    public static final String STUDENT_ID = "studentid";
    public static final String NAME = "name";
    public static final String CLASS = "class";
    public static final String BIRTHDATE = "birthdate";
    public static final String EMAIL = "email";
    public static final List<String> FIELDS = List.of(STUDENT_ID, NAME, CLASS, BIRTHDATE, EMAIL);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EMAIL_SHAPE =
            Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[^@\\s.]{2,}");
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;

    public StudentValidator(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code id} could be the id of a stored student (letters, digits, '-' and '_', 1 to 64). */
    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public StudentValidation validate(Map<String, ?> input) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Object raw = input.get(field);
            if (raw == null) {
                problems.put(field, FieldProblem.REQUIRED);
            } else if (!(raw instanceof String text)) {
                problems.put(field, FieldProblem.INVALID_TYPE);
            } else if (text.strip().isEmpty()) {
                problems.put(field, FieldProblem.REQUIRED);
            } else if (SubmittedText.hasForbiddenCharacter(text.strip())) {
                problems.put(field, FieldProblem.INVALID_CHARACTERS);
            } else {
                values.put(field, SubmittedText.normalise(text));
            }
        }
        for (String field : input.keySet()) {
            if (!FIELDS.contains(field)) {
                problems.put(field, FieldProblem.UNKNOWN_FIELD);
            }
        }
        check(values, STUDENT_ID, problems, v -> ID.matcher(v).matches() ? null
                : v.length() > 64 ? FieldProblem.TOO_LONG : FieldProblem.INVALID_FORMAT);
        check(values, NAME, problems, v -> v.codePointCount(0, v.length()) > 200 ? FieldProblem.TOO_LONG : null);
        check(values, CLASS, problems, v -> v.codePointCount(0, v.length()) > 64 ? FieldProblem.TOO_LONG : null);
        check(values, BIRTHDATE, problems, this::birthdateProblem);
        check(values, EMAIL, problems, v -> v.length() > 254 ? FieldProblem.TOO_LONG
                : EMAIL_SHAPE.matcher(v).matches() ? null : FieldProblem.INVALID_EMAIL);
        if (!problems.isEmpty()) {
            return new StudentValidation.Invalid(problems);
        }
        return new StudentValidation.Valid(new Student(values.get(STUDENT_ID), values.get(NAME),
                values.get(CLASS), values.get(BIRTHDATE), values.get(EMAIL)));
    }

    private FieldProblem birthdateProblem(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeParseException e) {
            return FieldProblem.INVALID_DATE;
        }
        return date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))
                ? FieldProblem.DATE_IN_FUTURE : null;
    }

    private interface Rule {
        FieldProblem problemWith(String value);
    }

    private static void check(Map<String, String> values, String field, Map<String, FieldProblem> problems, Rule rule) {
        String value = values.get(field);
        if (value == null) {
            return;
        }
        FieldProblem problem = rule.problemWith(value);
        if (problem != null) {
            problems.put(field, problem);
        }
    }
}
