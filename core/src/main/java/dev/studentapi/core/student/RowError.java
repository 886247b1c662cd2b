package dev.studentapi.core.student;

import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.util.Objects;

/**
 * Why one row of an import was refused: the row number, the field, a stable code (a {@link FieldProblem} name,
 * {@value #DUPLICATE_IN_FILE} or {@value #DUPLICATE_STUDENT_ID}) and the default English reason.
 */
public record RowError(long row, String field, String code, String message) {

    /** The id appeared on an earlier row of the same file. */
    public static final String DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE";
    /** The id is already stored (with {@code onConflict=fail}). */
    public static final String DUPLICATE_STUDENT_ID = "DUPLICATE_STUDENT_ID";

    public RowError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The error of {@code row} with {@code field} and {@code code}, worded in English. */
    public static RowError of(long row, String field, String code) {
        return new RowError(row, field, code, field + " " + reason(code).in(Language.EN));
    }

    /** The words for a code, completing a sentence that starts with the field name. */
    public static Text reason(String code) {
        return switch (code) {
            case DUPLICATE_IN_FILE -> Text.PROBLEM_DUPLICATE_IN_FILE;
            case DUPLICATE_STUDENT_ID -> Text.PROBLEM_DUPLICATE_STUDENT_ID;
            default -> FieldProblem.valueOf(code).reason();
        };
    }

    /** This error worded in {@code language}. */
    public String messageIn(Language language) {
        return field + " " + reason(code).in(language);
    }
}
