package dev.studentapi.core.student;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.mail.Mailer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lists, registers, reads, corrects and deletes students; a registration is confirmed to the student by e-mail.
 * Every change is a conditional write on the state it was decided on: with {@code If-Match} a change applies only
 * to the tagged state; without it the last write wins, and a patch is applied again to the newer state.
 */
public final class StudentService {

    private static final int MAX_ATTEMPTS = 64;

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

    public Optional<Student> find(String id) {
        return StudentValidator.isWellFormedId(id) ? store.find(id) : Optional.empty();
    }

    /**
     * PUT: replaces name, class, birthdate and email. {@code submitted} may omit {@code studentid}; one that
     * differs from {@code id} is refused ({@link FieldProblem#ID_MISMATCH}).
     */
    public ChangeOutcome replace(String id, Map<String, ?> submitted, Optional<String> ifMatch) {
        if (!StudentValidator.isWellFormedId(id)) {
            return absent(id, ifMatch);
        }
        Map<String, Object> candidate = new LinkedHashMap<>(submitted);
        Map<String, FieldProblem> mismatch = claimId(id, candidate);
        StudentValidation validation = validator.validate(candidate);
        if (!mismatch.isEmpty() || validation instanceof StudentValidation.Invalid) {
            return rejected(validation, mismatch);
        }
        Student updated = ((StudentValidation.Valid) validation).student();
        if (ifMatch.isEmpty() || StudentTag.isWildcard(ifMatch.get())) {
            return switch (store.replace(updated, Optional.empty())) {
                case DONE -> new ChangeOutcome.Changed(updated);
                case ABSENT, CHANGED -> absent(id, ifMatch);
            };
        }
        return change(id, ifMatch, current -> new StudentValidation.Valid(updated), Map.of());
    }

    /**
     * PATCH: applies an RFC 7396 merge patch to name, class, birthdate and email ({@code null} removes a field,
     * so it is REQUIRED; a {@code studentid} member that differs is ID_MISMATCH), always written conditionally on
     * the state read; without {@code If-Match} (or with {@code *}) it is applied again when that state changed.
     */
    public ChangeOutcome patch(String id, Map<String, ?> mergePatch, Optional<String> ifMatch) {
        if (!StudentValidator.isWellFormedId(id)) {
            return absent(id, ifMatch);
        }
        return change(id, ifMatch, current -> validator.validate(merged(current, mergePatch, id)),
                patchedIdProblem(id, mergePatch));
    }

    /** DELETE, with the same meaning of {@code ifMatch} as {@link #replace}. */
    public ChangeOutcome delete(String id, Optional<String> ifMatch) {
        if (!StudentValidator.isWellFormedId(id)) {
            return absent(id, ifMatch);
        }
        if (ifMatch.isEmpty() || StudentTag.isWildcard(ifMatch.get())) {
            return switch (store.delete(id, Optional.empty())) {
                case DONE -> new ChangeOutcome.Deleted(id);
                case ABSENT, CHANGED -> absent(id, ifMatch);
            };
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Student> current = store.find(id);
            if (current.isEmpty() || !StudentTag.of(current.get()).matches(ifMatch.get())) {
                return new ChangeOutcome.PreconditionFailed(id);
            }
            if (store.delete(id, current) == StoreWrite.DONE) {
                return new ChangeOutcome.Deleted(id);
            }
        }
        throw new StoreException("Student '" + id + "' kept changing; gave up deleting it.");
    }

    /** A page: up to {@code query.limit()} students and the id to continue after when more remain. */
    public StudentPage page(StudentQuery query) {
        int limit = query.limit();
        List<Student> students = new ArrayList<>();
        StudentQuery oneMore = limit == Integer.MAX_VALUE ? query : query.withLimit(limit + 1);
        try {
            store.forEachMatching(oneMore, students::add);
        } catch (IOException e) {
            throw new IllegalStateException("adding to a list cannot fail", e);
        }
        if (students.size() <= limit) {
            return new StudentPage(students, Optional.empty());
        }
        List<Student> page = students.subList(0, limit);
        return new StudentPage(page, Optional.of(page.get(limit - 1).studentId()));
    }

    /** Streams every student matching the query (its limit too), in id order, to the sink. */
    public void export(StudentQuery query, StudentSink sink) throws IOException {
        store.forEachMatching(query, sink);
    }

    /** The same export as the UTF-8 bytes of each student's fields (see {@link EncodedStudentSink}). */
    public void exportEncoded(StudentQuery query, EncodedStudentSink sink) throws IOException {
        store.forEachMatchingEncoded(query, sink);
    }

    private interface Edit {
        StudentValidation apply(Student current);
    }

    /** Read, check the tag, edit, write conditionally; again while the state changed under us and no tag holds it. */
    private ChangeOutcome change(String id, Optional<String> ifMatch, Edit edit, Map<String, FieldProblem> extra) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Student> current = store.find(id);
            if (current.isEmpty()) {
                return absent(id, ifMatch);
            }
            if (ifMatch.isPresent() && !StudentTag.of(current.get()).matches(ifMatch.get())) {
                return new ChangeOutcome.PreconditionFailed(id);
            }
            StudentValidation validation = edit.apply(current.get());
            if (!extra.isEmpty() || validation instanceof StudentValidation.Invalid) {
                return rejected(validation, extra);
            }
            Student updated = ((StudentValidation.Valid) validation).student();
            if (store.replace(updated, current) == StoreWrite.DONE) {
                return new ChangeOutcome.Changed(updated);
            }
        }
        throw new StoreException("Student '" + id + "' kept changing; gave up changing it.");
    }

    /** With a condition, a missing student fails it (the tagged state is gone); without, it is not found. */
    private static ChangeOutcome absent(String id, Optional<String> ifMatch) {
        return ifMatch.isPresent() ? new ChangeOutcome.PreconditionFailed(id) : new ChangeOutcome.NotFound(id);
    }

    /** Puts the path id into {@code body} unless it names another; then the problem of that other id. */
    private static Map<String, FieldProblem> claimId(String id, Map<String, Object> body) {
        Object given = body.get(StudentValidator.STUDENT_ID);
        if (given instanceof String text && !text.strip().isEmpty() && !SubmittedText.normalise(text).equals(id)) {
            body.put(StudentValidator.STUDENT_ID, id);
            return Map.of(StudentValidator.STUDENT_ID, FieldProblem.ID_MISMATCH);
        }
        if (given == null || given instanceof String text && text.strip().isEmpty()) {
            body.put(StudentValidator.STUDENT_ID, id);
        }
        return Map.of();
    }

    /** RFC 7396 over a student's fields: a member replaces the field, {@code null} removes it. */
    private static Map<String, Object> merged(Student current, Map<String, ?> patch, String id) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put(StudentValidator.STUDENT_ID, current.studentId());
        target.put(StudentValidator.NAME, current.name());
        target.put(StudentValidator.CLASS, current.className());
        target.put(StudentValidator.BIRTHDATE, current.birthdate());
        target.put(StudentValidator.EMAIL, current.email());
        patch.forEach((field, value) -> {
            if (value == null && StudentValidator.FIELDS.contains(field)) {
                target.remove(field);
            } else {
                target.put(field, value == null ? "" : value);
            }
        });
        target.put(StudentValidator.STUDENT_ID, id);
        return target;
    }

    /** A patch may name the student's own id; removing it, or naming another, is refused. */
    private static Map<String, FieldProblem> patchedIdProblem(String id, Map<String, ?> patch) {
        if (!patch.containsKey(StudentValidator.STUDENT_ID)) {
            return Map.of();
        }
        Object given = patch.get(StudentValidator.STUDENT_ID);
        FieldProblem problem;
        if (given == null || given instanceof String blank && blank.strip().isEmpty()) {
            problem = FieldProblem.REQUIRED;
        } else if (given instanceof String text) {
            problem = SubmittedText.normalise(text).equals(id) ? null : FieldProblem.ID_MISMATCH;
        } else {
            problem = FieldProblem.INVALID_TYPE;
        }
        return problem == null ? Map.of() : Map.of(StudentValidator.STUDENT_ID, problem);
    }

    private static ChangeOutcome rejected(StudentValidation validation, Map<String, FieldProblem> extra) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (validation instanceof StudentValidation.Invalid invalid) {
            problems.putAll(invalid.problems());
        }
        problems.putAll(extra);
        return new ChangeOutcome.Rejected(new StudentValidation.Invalid(problems));
    }
}
