package dev.studentapi.core.backup;

import dev.studentapi.core.student.FieldProblem;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentValidation;
import dev.studentapi.core.student.StudentValidator;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The students of a backup object, read from the bucket as a stream each time and held to the student rules row by
 * row: {@link #check()} reads it once and names the first problem; {@link #forEach} reads it again for a store to
 * write, and throws {@link UnreadableSnapshotException} should the object have changed in between. Duplicate ids are
 * found with no memory when the rows come ordered by id, as every backup does; otherwise with a set of the ids.
 */
final class BackupSource implements StudentSource {

    private final ObjectStore bucket;
    private final String key;
    private final SnapshotFormat format;
    private final StudentValidator validator;
    private volatile boolean ordered;

    BackupSource(ObjectStore bucket, String key, SnapshotFormat format, StudentValidator validator) {
        this.bucket = bucket;
        this.key = key;
        this.format = format;
        this.validator = validator;
    }

    /** The first problem of the file, or empty when every row is a valid student and no id repeats. */
    Optional<SnapshotProblem> check() throws IOException {
        try {
            try {
                readOnce(student -> { }, false);
                ordered = true;
            } catch (OutOfOrder unordered) {
                readOnce(student -> { }, true);
                ordered = false;
            }
            return Optional.empty();
        } catch (UnreadableSnapshotException e) {
            return Optional.of(e.problem());
        }
    }

    /** Streams the valid students; ids are kept in a set unless {@link #check()} found the rows ordered. */
    @Override
    public void forEach(StudentSink sink) throws IOException {
        try {
            readOnce(sink, !ordered);
        } catch (OutOfOrder changed) {
            throw new UnreadableSnapshotException(SnapshotProblem.ofFile(SnapshotProblem.NOT_A_BACKUP,
                    "the object " + key + " changed while it was read"));
        }
    }

    /** Thrown on the first id that is not greater than the one before, to start over with a set of ids. */
    private static final class OutOfOrder extends IOException {
        OutOfOrder() {
            super("rows not ordered by id");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private void readOnce(StudentSink sink, boolean keepIds) throws IOException {
        Set<String> ids = keepIds ? new HashSet<>() : null;
        String[] previous = {null};
        try (InputStream in = bucket.open(key).orElseThrow(() -> new UnreadableSnapshotException(
                SnapshotProblem.ofFile(SnapshotProblem.NOT_A_BACKUP, "the object " + key + " is gone")))) {
            format.read(in, (row, fields) -> {
                Student student = valid(row, fields);
                String id = student.studentId();
                if (ids != null) {
                    if (!ids.add(id)) {
                        throw duplicate(row);
                    }
                } else if (previous[0] != null && id.compareTo(previous[0]) <= 0) {
                    if (id.equals(previous[0])) {
                        throw duplicate(row);
                    }
                    throw new OutOfOrder();
                }
                previous[0] = id;
                sink.accept(student);
            });
        }
    }

    private Student valid(long row, Map<String, ?> fields) throws UnreadableSnapshotException {
        StudentValidation validation = validator.validate(fields);
        if (validation instanceof StudentValidation.Invalid invalid) {
            Map.Entry<String, FieldProblem> first = invalid.problems().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(BackupSource::fieldOrder)).findFirst().orElseThrow();
            throw new UnreadableSnapshotException(SnapshotProblem.ofField(row, first.getKey(),
                    first.getValue().name()));
        }
        return ((StudentValidation.Valid) validation).student();
    }

    /** Documented fields first, in their order, then unknown ones by name. */
    private static int fieldOrder(String a, String b) {
        int ia = StudentValidator.FIELDS.indexOf(a);
        int ib = StudentValidator.FIELDS.indexOf(b);
        if (ia >= 0 || ib >= 0) {
            return Integer.compare(ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
        }
        return a.compareTo(b);
    }

    private static UnreadableSnapshotException duplicate(long row) {
        return new UnreadableSnapshotException(SnapshotProblem.ofField(row, StudentValidator.STUDENT_ID,
                SnapshotProblem.DUPLICATE_IN_FILE));
    }
}
