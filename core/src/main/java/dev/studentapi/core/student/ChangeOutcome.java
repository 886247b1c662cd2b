package dev.studentapi.core.student;

/** What happened to a requested change (replace, patch or delete) of one student. */
public sealed interface ChangeOutcome {

    /** Stored as shown; its new tag is {@code StudentTag.of(student)}. */
    record Changed(Student student) implements ChangeOutcome {}

    /** Deleted. */
    record Deleted(String studentId) implements ChangeOutcome {}

    /** No student has this id. Nothing changed. */
    record NotFound(String studentId) implements ChangeOutcome {}

    /** The {@code If-Match} condition did not hold (the student changed, or is gone). Nothing changed. */
    record PreconditionFailed(String studentId) implements ChangeOutcome {}

    /** The fields broke the rules. Nothing changed. */
    record Rejected(StudentValidation.Invalid problems) implements ChangeOutcome {}
}
