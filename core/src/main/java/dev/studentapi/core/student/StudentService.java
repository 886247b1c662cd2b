package dev.studentapi.core.student;

import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.mail.Mailer;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Lists and registers students; a registration is confirmed to the student by e-mail. */
public final class StudentService {

    private final StudentStore store;
    private final StudentValidator validator;
    private final Mailer mailer;
    private final ConfirmationEmail confirmation;

    public StudentService(StudentStore store, StudentValidator validator, Mailer mailer,
                          ConfirmationEmail confirmation) {
        this.store = store;
        this.validator = validator;
        this.mailer = mailer;
        this.confirmation = confirmation;
    }

    public List<Student> list() {
        return store.listAll();
    }

    public void forEach(StudentSink sink) throws IOException {
        store.forEachOrdered(sink);
    }

    /** See {@link StudentStore#changeVersion()}: while it stays the same, so does the list. */
    public OptionalLong changeVersion() {
        return store.changeVersion();
    }

    /** Validates, stores atomically, then mails the confirmation; a mail failure never undoes the insert. */
    public InsertOutcome register(Map<String, ?> submitted) {
        StudentValidation validation = validator.validate(submitted);
        if (validation instanceof StudentValidation.Invalid invalid) {
            return new InsertOutcome.Rejected(invalid);
        }
        Student student = ((StudentValidation.Valid) validation).student();
        if (!store.insert(student)) {
            return new InsertOutcome.Duplicate(student.studentId());
        }
        return new InsertOutcome.Saved(student, MailDelivery.attempt(mailer, confirmation.to(student)));
    }
}
