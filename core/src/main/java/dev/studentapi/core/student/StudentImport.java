package dev.studentapi.core.student;

import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.mail.Mailer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a file of students, all or nothing, in two passes over the re-readable source: the first validates
 * every row and looks for ids repeated in the file or already stored (holding only the set of ids); the second,
 * when no row failed and it is not a dry run, writes them all with the conflict policy. On a store whose bulk write
 * is all or nothing ({@link StudentStore#writesAllOrNothing}) an import that is not a dry run first tries one pass
 * that checks and writes each row, and is undone by the first row that fails; only then do the two passes run, to
 * name every problem. Then one summary e-mail goes to the backup recipient, never one per student.
 */
public final class StudentImport {

    /** Errors reported in full; the rest are only counted. */
    public static final int MAX_ERRORS = 100;
    /** Ids looked up in the store at a time. */
    static final int LOOKUP_BATCH = 1000;

    private final StudentStore store;
    private final StudentValidator validator;
    private final Mailer mailer;
    private final ImportSummaryEmail summary;
    private final String recipient;

    public StudentImport(StudentStore store, StudentValidator validator, Mailer mailer, ImportSummaryEmail summary,
                         String recipient) {
        this.store = store;
        this.validator = validator;
        this.mailer = mailer;
        this.summary = summary;
        this.recipient = recipient;
    }

    public ImportOutcome run(ImportSource source, ImportOptions options) throws IOException {
        if (!options.dryRun() && store.writesAllOrNothing()) {
            Optional<BulkCounts> written = writeInOnePass(source, options.onConflict());
            if (written.isPresent()) {
                MailDelivery.attempt(mailer, summary.to(recipient, written.get()));
                return new ImportOutcome.Imported(written.get(), false);
            }
        }
        ImportErrors errors = new ImportErrors(MAX_ERRORS);
        Check check = new Check(options.onConflict(), errors);
        source.forEach(row -> {
            StudentValidation validation = validator.validate(row.fields());
            if (validation instanceof StudentValidation.Invalid invalid) {
                invalid.problems().forEach((field, problem) -> errors.add(RowError.of(row.row(), field,
                        problem.name())));
            } else {
                check.add(row.row(), ((StudentValidation.Valid) validation).student().studentId());
            }
        });
        check.flush();
        if (errors.total() > 0) {
            return new ImportOutcome.Refused(errors.first(), errors.total());
        }
        BulkCounts predicted = new BulkCounts(check.inserted, check.replaced, check.skipped);
        if (options.dryRun()) {
            return new ImportOutcome.Imported(predicted, true);
        }
        BulkCounts counts;
        try {
            counts = store.writeAll(students(source), options.onConflict());
        } catch (DuplicateStudentException e) {
            return new ImportOutcome.Refused(List.of(RowError.of(rowOf(source, e.studentId()),
                    StudentValidator.STUDENT_ID, RowError.DUPLICATE_STUDENT_ID)), 1);
        }
        MailDelivery.attempt(mailer, summary.to(recipient, counts));
        return new ImportOutcome.Imported(counts, false);
    }

    /**
     * Validates and writes every row in one all-or-nothing write; empty when a row is invalid, repeats an id of the
     * file, or (with FAIL) meets a stored id: the store has then undone everything.
     */
    private Optional<BulkCounts> writeInOnePass(ImportSource source, ConflictPolicy policy) throws IOException {
        Set<String> seen = new HashSet<>();
        try {
            return Optional.of(store.writeAll(sink -> source.forEach(row -> {
                if (!(validator.validate(row.fields()) instanceof StudentValidation.Valid valid)
                        || !seen.add(valid.student().studentId())) {
                    throw new RowRefused();
                }
                sink.accept(valid.student());
            }), policy));
        } catch (RowRefused | DuplicateStudentException e) {
            return Optional.empty();
        }
    }

    /** Ends a one-pass import at its first failing row (the two passes then report every problem). */
    private static final class RowRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowRefused() {
            super("a row of the import failed", null, false, false);
        }
    }

    /** The second pass: the rows again, as the students the first pass found valid. */
    private StudentSource students(ImportSource source) {
        return sink -> source.forEach(row -> {
            if (!(validator.validate(row.fields()) instanceof StudentValidation.Valid valid)) {
                throw new IllegalStateException("row " + row.row() + " of the import changed between its passes");
            }
            sink.accept(valid.student());
        });
    }

    /** The first row with this id (stored by another writer between the passes). */
    private long rowOf(ImportSource source, String studentId) throws IOException {
        long[] found = {0};
        source.forEach(row -> {
            if (found[0] == 0 && studentId.equals(idOf(row.fields()))) {
                found[0] = row.row();
            }
        });
        return found[0];
    }

    private String idOf(Map<String, ?> fields) {
        return validator.validate(fields) instanceof StudentValidation.Valid valid ? valid.student().studentId()
                : null;
    }

    /** Ids seen in the file, and the stored ones among them looked up a batch at a time. */
    private final class Check {
        private final ConflictPolicy policy;
        private final ImportErrors errors;
        private final Set<String> seen = new HashSet<>();
        private final List<String> ids = new ArrayList<>(LOOKUP_BATCH);
        private final List<Long> rows = new ArrayList<>(LOOKUP_BATCH);
        private long inserted;
        private long replaced;
        private long skipped;

        Check(ConflictPolicy policy, ImportErrors errors) {
            this.policy = policy;
            this.errors = errors;
        }

        void add(long row, String id) {
            if (!seen.add(id)) {
                errors.add(RowError.of(row, StudentValidator.STUDENT_ID, RowError.DUPLICATE_IN_FILE));
                return;
            }
            ids.add(id);
            rows.add(row);
            if (ids.size() == LOOKUP_BATCH) {
                flush();
            }
        }

        void flush() {
            if (ids.isEmpty()) {
                return;
            }
            Set<String> stored = store.existingIds(ids);
            for (int i = 0; i < ids.size(); i++) {
                if (!stored.contains(ids.get(i))) {
                    inserted++;
                } else if (policy == ConflictPolicy.FAIL) {
                    errors.add(RowError.of(rows.get(i), StudentValidator.STUDENT_ID, RowError.DUPLICATE_STUDENT_ID));
                } else if (policy == ConflictPolicy.SKIP) {
                    skipped++;
                } else {
                    replaced++;
                }
            }
            ids.clear();
            rows.clear();
        }
    }
}
