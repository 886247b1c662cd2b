package dev.studentapi.core.student;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the field rules of a student (SPEC §2) to a decoded JSON object; the values of a valid student are
 * trimmed and in Unicode NFC, so that they are stored and compared (for uniqueness too) in one form. The shapes
 * are checked by loops, not regular expressions (an import checks every row twice): see {@link #isWellFormedId},
 * {@link #hasEmailShape} and {@link #birthdateProblem} for the rule each one is.
 */
public final class StudentValidator {

    public static final String STUDENT_ID = "studentid";
    public static final String NAME = "name";
    public static final String CLASS = "class";
    public static final String BIRTHDATE = "birthdate";
    public static final String EMAIL = "email";
    public static final List<String> FIELDS = List.of(STUDENT_ID, NAME, CLASS, BIRTHDATE, EMAIL);

    private static final int MAX_ID_LENGTH = 64;
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;

    public StudentValidator(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code id} could be the id of a stored student (letters, digits, '-' and '_', 1 to 64). */
    public static boolean isWellFormedId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code value} has the shape of an e-mail address: {@code local@label(.label)*.tld}, that is one
     * {@code @}, no white space ({@code [ \t\n\x0B\f\r]}) anywhere, a non-empty local part, and after the
     * {@code @} at least two non-empty labels separated by dots, the last one of at least two characters
     * (code points). The same rule as {@code [^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[^@\s.]{2,}}.
     */
    static boolean hasEmailShape(String value) {
        int at = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        if (at <= 0 || at + 1 >= value.length() || value.charAt(at + 1) == '.') {
            return false;
        }
        int lastDot = value.lastIndexOf('.');
        if (lastDot <= at + 1 || value.codePointCount(lastDot + 1, value.length()) < 2) {
            return false;
        }
        for (int i = at + 1; i < lastDot; i++) {
            if (value.charAt(i) == '.' && value.charAt(i - 1) == '.') {
                return false;
            }
        }
        return value.charAt(lastDot - 1) != '.';
    }

    public StudentValidation validate(Map<String, ?> input) {
        Problems problems = new Problems();
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            String field = FIELDS.get(i);
            Object raw = input.get(field);
            if (raw == null) {
                problems.put(field, FieldProblem.REQUIRED);
            } else if (!(raw instanceof String text)) {
                problems.put(field, FieldProblem.INVALID_TYPE);
            } else {
                String stripped = text.strip();
                if (stripped.isEmpty()) {
                    problems.put(field, FieldProblem.REQUIRED);
                } else if (SubmittedText.hasForbiddenCharacter(stripped)) {
                    problems.put(field, FieldProblem.INVALID_CHARACTERS);
                } else {
                    values[i] = SubmittedText.normalise(stripped);
                }
            }
        }
        if (input.size() > values.length - problems.missing) {
            for (String field : input.keySet()) {
                if (!FIELDS.contains(field)) {
                    problems.put(field, FieldProblem.UNKNOWN_FIELD);
                }
            }
        }
        check(values, 0, problems, v -> isWellFormedId(v) ? null
                : v.length() > MAX_ID_LENGTH ? FieldProblem.TOO_LONG : FieldProblem.INVALID_FORMAT);
        check(values, 1, problems, v -> v.codePointCount(0, v.length()) > 200 ? FieldProblem.TOO_LONG : null);
        check(values, 2, problems, v -> v.codePointCount(0, v.length()) > 64 ? FieldProblem.TOO_LONG : null);
        check(values, 3, problems, this::birthdateProblem);
        check(values, 4, problems, v -> v.length() > 254 ? FieldProblem.TOO_LONG
                : hasEmailShape(v) ? null : FieldProblem.INVALID_EMAIL);
        if (problems.found != null) {
            return new StudentValidation.Invalid(problems.found);
        }
        return new StudentValidation.Valid(new Student(values[0], values[1], values[2], values[3], values[4]));
    }

    /** The problems of one input in the order found, the map made only when there is one. */
    private static final class Problems {
        private Map<String, FieldProblem> found;
        /** Fields of {@link #FIELDS} absent from the input (so that unknown fields are only looked for when some are). */
        private int missing;

        void put(String field, FieldProblem problem) {
            if (found == null) {
                found = new LinkedHashMap<>();
            }
            found.put(field, problem);
            if (problem == FieldProblem.REQUIRED && FIELDS.contains(field)) {
                missing++;
            }
        }
    }

    /** A real date {@code uuuu-MM-dd} (strict), at most tomorrow in UTC. */
    private FieldProblem birthdateProblem(String value) {
        LocalDate date;
        try {
            date = isPlainDate(value) ? LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10))
                    : LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeException e) {
            return FieldProblem.INVALID_DATE;
        }
        return date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))
                ? FieldProblem.DATE_IN_FUTURE : null;
    }

    /**
     * Whether {@code value} is four, two and two ASCII digits separated by '-': the common shape, which the
     * pattern {@code uuuu-MM-dd} reads as exactly these numbers (other shapes go through the formatter).
     */
    private static boolean isPlainDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + (value.charAt(i) - '0');
        }
        return number;
    }

    private interface Rule {
        FieldProblem problemWith(String value);
    }

    private static void check(String[] values, int field, Problems problems, Rule rule) {
        String value = values[field];
        if (value == null) {
            return;
        }
        FieldProblem problem = rule.problemWith(value);
        if (problem != null) {
            problems.put(FIELDS.get(field), problem);
        }
    }
}
