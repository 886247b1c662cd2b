package dev.studentapi.core.student;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Stores students. Implementations are safe for concurrent use; uniqueness of {@code studentId} is
 * enforced atomically by the engine (a unique constraint or a conditional write), never by read-then-write.
 * Engine failures surface as {@link dev.studentapi.core.StoreException}.
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
}
