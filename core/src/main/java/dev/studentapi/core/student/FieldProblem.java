package dev.studentapi.core.student;

/** Why one field of a submitted student was refused. */
public enum FieldProblem {
    REQUIRED,
    NOT_A_STRING,
    BAD_ID_FORMAT,
    TOO_LONG,
    NOT_A_DATE,
    IN_THE_FUTURE,
    BAD_EMAIL,
    UNKNOWN_FIELD
}
