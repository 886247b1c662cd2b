package dev.studentapi.core.student;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Stores students. Implementations are safe for concurrent use; uniqueness of {@code studentId} is
 * enforced atomically by the engine (a unique constraint or a conditional write), never by read-then-write,
 * and so is every conditional change. Engine failures surface as {@link dev.studentapi.core.StoreException}.
 * The methods after {@link #forEachOrdered} refuse by default, so that a test double needs only what it uses;
 * every engine overrides all of them and passes {@code StudentStoreContract}.
 */
public interface StudentStore {

    /** Inserts the student; returns {@code false}, changing nothing, when its id already exists. */
    boolean insert(Student student);

    /** Streams every student to the sink, ordered by {@code studentId}, without loading them all. */
    void forEachOrdered(StudentSink sink) throws IOException;

    /**
     * A number that changes whenever a write to the store may have changed its students, by this process or
     * another, so that a list built after reading it may be served again for as long as it stays the same;
     * empty when the engine cannot tell cheaply (then nothing may be reused).
     */
    default OptionalLong changeVersion() {
        return OptionalLong.empty();
    }

    /** Every student ordered by {@code studentId}; for callers that need the list in memory anyway. */
    default List<Student> listAll() {
        List<Student> all = new ArrayList<>();
        try {
            forEachOrdered(all::add);
        } catch (IOException e) {
            throw new IllegalStateException("adding to a list cannot fail", e);
        }
        return all;
    }

    /** The stored student with this id. */
    default Optional<Student> find(String studentId) {
        throw unsupported("find");
    }

    /**
     * Replaces the stored student with {@code updated.studentId()}, atomically: when {@code expected} is empty,
     * if one exists ({@link StoreWrite#ABSENT} otherwise); when present, only if the stored one still equals
     * {@code expected} ({@link StoreWrite#CHANGED} otherwise, also when it is gone).
     */
    default StoreWrite replace(Student updated, Optional<Student> expected) {
        throw unsupported("replace");
    }

    /** Deletes the student, atomically, with the same meaning of {@code expected} as {@link #replace}. */
    default StoreWrite delete(String studentId, Optional<Student> expected) {
        throw unsupported("delete");
    }

    /**
     * Streams the students that {@link StudentQuery#matches match} the query, ordered by {@code studentId},
     * starting after {@code query.afterId()}, at most {@code query.limit()} of them, without loading them all.
     * {@code forEachOrdered(sink)} streams the same as {@code forEachMatching(StudentQuery.all(), sink)}.
     */
    default void forEachMatching(StudentQuery query, StudentSink sink) throws IOException {
        throw unsupported("forEachMatching");
    }

    /**
     * The same students as {@link #forEachMatching}, in the same order, as the UTF-8 bytes of their fields; a store
     * that keeps UTF-8 overrides it to skip decoding and encoding each one.
     */
    default void forEachMatchingEncoded(StudentQuery query, EncodedStudentSink sink) throws IOException {
        forEachMatching(query, sink::accept);
    }

    /** {@link #forEachOrdered} as the UTF-8 bytes of each student's fields (see {@link #forEachMatchingEncoded}). */
    default void forEachOrderedEncoded(EncodedStudentSink sink) throws IOException {
        forEachOrdered(sink::accept);
    }

    /** Which of these ids (at most 1000) are stored. */
    default Set<String> existingIds(Collection<String> ids) {
        throw unsupported("existingIds");
    }

    /**
     * Writes every student of {@code source} with {@code policy}, reading the source once and never holding it:
     * REPLACE overwrites a stored id, SKIP keeps it, FAIL throws {@link DuplicateStudentException}. On SQLite one
     * transaction (all or nothing); on DynamoDB in batches (not atomic across batches, as documented there).
     * The caller has already refused duplicates inside the source.
     */
    default BulkCounts writeAll(StudentSource source, ConflictPolicy policy) throws IOException {
        throw unsupported("writeAll");
    }

    /**
     * Whether {@link #writeAll} and {@link #replaceAll} are all or nothing: an exception thrown while they read the
     * source undoes every write of the call (SQLite: one transaction). An import or a restore then checks and writes
     * its rows in one pass.
     */
    default boolean writesAllOrNothing() {
        return false;
    }

    /**
     * Makes the table exactly {@code source}; counts every student written as inserted. On SQLite one
     * transaction: readers see the old table or the new one, never a mix.
     */
    default BulkCounts replaceAll(StudentSource source) throws IOException {
        throw unsupported("replaceAll");
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not support " + operation);
    }
}
