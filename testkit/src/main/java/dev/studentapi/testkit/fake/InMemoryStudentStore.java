package dev.studentapi.testkit.fake;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentStore;

import java.io.IOException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Students in a sorted concurrent map; for core tests. Safe for concurrent use; a stream sees every student
 * inserted before it began and may see some inserted while it runs, like a database read without a snapshot.
 */
public final class InMemoryStudentStore implements StudentStore {
    private final ConcurrentSkipListMap<String, Student> students = new ConcurrentSkipListMap<>();

    @Override
    public boolean insert(Student student) {
        return students.putIfAbsent(student.studentId(), student) == null;
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        for (Student student : students.values()) {
            sink.accept(student);
        }
    }
}
