package dev.studentapi.core.student;

import dev.studentapi.testkit.fake.InMemoryStudentStore;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory store that can run a step of the test just before a conditional write (another writer coming
 * first) and remembers the id batches it was asked about.
 */
final class ScriptedStudentStore implements StudentStore {

    private final InMemoryStudentStore students = new InMemoryStudentStore();
    private final List<Integer> lookups = new CopyOnWriteArrayList<>();
    private volatile Runnable beforeNextWrite;

    /** Runs {@code step} once, right before the next replace or delete reaches the store. */
    void beforeNextWrite(Runnable step) {
        beforeNextWrite = step;
    }

    /** The size of every {@link #existingIds} call, in order. */
    List<Integer> lookups() {
        return List.copyOf(lookups);
    }

    private void step() {
        Runnable step = beforeNextWrite;
        beforeNextWrite = null;
        if (step != null) {
            step.run();
        }
    }

    @Override
    public boolean insert(Student student) {
        return students.insert(student);
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        students.forEachOrdered(sink);
    }

    @Override
    public Optional<Student> find(String studentId) {
        return students.find(studentId);
    }

    @Override
    public StoreWrite replace(Student updated, Optional<Student> expected) {
        step();
        return students.replace(updated, expected);
    }

    @Override
    public StoreWrite delete(String studentId, Optional<Student> expected) {
        step();
        return students.delete(studentId, expected);
    }

    @Override
    public void forEachMatching(StudentQuery query, StudentSink sink) throws IOException {
        students.forEachMatching(query, sink);
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        lookups.add(ids.size());
        return students.existingIds(ids);
    }

    @Override
    public BulkCounts writeAll(StudentSource source, ConflictPolicy policy) throws IOException {
        step();
        return students.writeAll(source, policy);
    }

    @Override
    public BulkCounts replaceAll(StudentSource source) throws IOException {
        return students.replaceAll(source);
    }
}
