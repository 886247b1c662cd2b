package dev.studentapi.testkit.fake;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** Students in a sorted concurrent map; for core tests. */
public final class InMemoryStudentStore implements StudentStore {
    private final ConcurrentSkipListMap<String, Student> students = new ConcurrentSkipListMap<>();

    @Override
    public boolean insert(Student student) {
        return students.putIfAbsent(student.studentId(), student) == null;
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        List<Student> snapshot = new ArrayList<>(students.values());
        for (Student student : snapshot) {
            sink.accept(student);
        }
    }
}
