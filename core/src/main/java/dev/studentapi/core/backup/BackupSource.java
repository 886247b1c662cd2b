package dev.studentapi.core.backup;

import dev.studentapi.core.student.FieldProblem;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentValidation;
import dev.studentapi.core.student.StudentValidator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

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

    /**
     * Streams the valid students; ids are kept in a set unless {@link #check()} found the rows ordered. Reading and
     * checking run on a thread of their own, a batch ahead of the sink (which stays on the caller's thread, as a
     * store's transaction needs), so that a restore parses and writes at the same time; memory stays bounded.
     */
    @Override
    public void forEach(StudentSink sink) throws IOException {
        stream(sink, !ordered, () -> new UnreadableSnapshotException(SnapshotProblem.ofFile(
                SnapshotProblem.NOT_A_BACKUP, "the object " + key + " changed while it was read")));
    }

    /**
     * The students for a store whose write is all or nothing, read and checked in that one pass without
     * {@link #check()}: the rows are taken to be ordered by id, as every backup is. The first problem ends the
     * stream with {@link UnreadableSnapshotException}, rows out of order with {@link Unordered} (then the caller
     * checks the file first and writes it again).
     */
    StudentSource checkedWhileRead() {
        return sink -> stream(sink, false, Unordered::new);
    }

    /** The rows of the backup are not ordered by id: it needs {@link #check()} before it can be written. */
    static final class Unordered extends IOException {
        private static final long serialVersionUID = 1L;

        Unordered() {
            super("rows not ordered by id", null);
        }
    }

    private void stream(StudentSink sink, boolean keepIds, Supplier<IOException> outOfOrder) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = new Thread(() -> produce(queue, stopped, keepIds, outOfOrder), "backup-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Batch batch = take(queue); batch.students() != null; batch = take(queue)) {
                for (Student student : batch.students()) {
                    sink.accept(student);
                }
            }
        } finally {
            stopped.set(true);
            queue.clear();
        }
    }

    private static final int BATCH = 1000;
    private static final int QUEUED_BATCHES = 4;

    /** Students read ahead; the end of the file has none, and a failure ends the stream. */
    private record Batch(List<Student> students, Throwable failure) {}

    private void produce(BlockingQueue<Batch> queue, AtomicBoolean stopped, boolean keepIds,
                         Supplier<IOException> outOfOrder) {
        List<Student> batch = new ArrayList<>(BATCH);
        Batch last;
        try {
            readOnce(student -> {
                batch.add(student);
                if (batch.size() == BATCH) {
                    offer(queue, new Batch(List.copyOf(batch), null), stopped);
                    batch.clear();
                }
            }, keepIds);
            offer(queue, new Batch(List.copyOf(batch), null), stopped);
            last = new Batch(null, null);
        } catch (OutOfOrder unordered) {
            last = new Batch(null, outOfOrder.get());
        } catch (Throwable failure) {
            last = new Batch(null, failure);
        }
        try {
            offer(queue, last, stopped);
        } catch (IOException stoppedMeanwhile) {
            // the consumer is gone: nobody waits for the end
        }
    }

    /** Hands a batch over, giving up (with an exception that ends the read) once the consumer has stopped. */
    private static void offer(BlockingQueue<Batch> queue, Batch batch, AtomicBoolean stopped) throws IOException {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new IOException("the restore stopped reading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the backup", e);
        }
    }

    /** The next batch: students, the end (no students, no failure), or the reader's failure rethrown here. */
    private static Batch take(BlockingQueue<Batch> queue) throws IOException {
        Batch batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restoring", e);
        }
        Throwable failure = batch.failure();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IOException(failure);
        }
        return batch;
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
