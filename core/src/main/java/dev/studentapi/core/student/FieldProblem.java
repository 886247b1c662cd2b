package dev.studentapi.core.student;

/** Why one field of a submitted student was refused. */
public enum FieldProblem {
    REQUIRED,
    INVALID_TYPE,
    INVALID_FORMAT,
    TOO_LONG,
    INVALID_DATE,
    DATE_IN_FUTURE,
    INVALID_EMAIL,
    INVALID_CHARACTERS,
    UNKNOWN_FIELD
}
