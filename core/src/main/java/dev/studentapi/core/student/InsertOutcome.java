package dev.studentapi.core.student;

import dev.studentapi.core.mail.MailDelivery;

/** What happened to a submitted student. */
public sealed interface InsertOutcome {

    /** Stored; the confirmation e-mail was or was not delivered. */
    record Saved(Student student, MailDelivery confirmation) implements InsertOutcome {}

    /** Refused: a student with this id already exists. Nothing changed. */
    record Duplicate(String studentId) implements InsertOutcome {}

    /** Refused: the fields broke the rules. Nothing changed. */
    record Rejected(StudentValidation.Invalid problems) implements InsertOutcome {}
}
