package dev.studentapi.core.backup;

import java.util.Optional;

/**
 * Why a file cannot be restored: at a row (1-based; 0 for the file as a whole), in a field when one is to blame,
 * a stable code ({@code NOT_JSON}, {@code NOT_A_BACKUP}, {@code DUPLICATE_IN_FILE} or a field problem's name) and,
 * for a file that does not parse, the parser's words.
 */
public record SnapshotProblem(long row, Optional<String> field, String code, Optional<String> detail) {

    public static final String NOT_JSON = "NOT_JSON";
    public static final String NOT_A_BACKUP = "NOT_A_BACKUP";
    public static final String DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE";

    /** The file as a whole is not a backup (not an array of objects), or does not parse. */
    public static SnapshotProblem ofFile(String code, String detail) {
        return new SnapshotProblem(0, Optional.empty(), code, Optional.ofNullable(detail));
    }

    /** A row's field fails the student rules or repeats an id. */
    public static SnapshotProblem ofField(long row, String field, String code) {
        return new SnapshotProblem(row, Optional.of(field), code, Optional.empty());
    }

    /** {@code row 3, birthdate: INVALID_DATE}, or the file-level code and detail; for messages and logs. */
    public String describe() {
        if (row == 0) {
            return code + detail.map(d -> " (" + d + ")").orElse("");
        }
        return "row " + row + field.map(f -> ", " + f).orElse("") + ": " + code;
    }
}
