package dev.studentapi.core.student;

import dev.studentapi.core.text.Text;

/** Why one field of a submitted student was refused. */
public enum FieldProblem {
    REQUIRED(Text.PROBLEM_REQUIRED),
    INVALID_TYPE(Text.PROBLEM_INVALID_TYPE),
    INVALID_FORMAT(Text.PROBLEM_INVALID_FORMAT),
    TOO_LONG(Text.PROBLEM_TOO_LONG),
    INVALID_DATE(Text.PROBLEM_INVALID_DATE),
    DATE_IN_FUTURE(Text.PROBLEM_DATE_IN_FUTURE),
    INVALID_EMAIL(Text.PROBLEM_INVALID_EMAIL),
    INVALID_CHARACTERS(Text.PROBLEM_INVALID_CHARACTERS),
    UNKNOWN_FIELD(Text.PROBLEM_UNKNOWN_FIELD),
    /** A {@code studentid} in the body that differs from the one in the path. */
    ID_MISMATCH(Text.PROBLEM_ID_MISMATCH);

    private final Text reason;

    FieldProblem(Text reason) {
        this.reason = reason;
    }

    /** The words for this problem, completing a sentence that starts with the field name. */
    public Text reason() {
        return reason;
    }
}
