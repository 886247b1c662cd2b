package dev.studentapi.core.student;

import java.io.IOException;
import java.util.ArrayList;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Students in a sorted map with a change version that moves on every insert; for core tests. Thread-safe. */
final class MapStudentStore implements StudentStore {

    private final TreeMap<String, Student> students = new TreeMap<>();
    private long version;

    @Override
    public synchronized boolean insert(Student student) {
        if (students.putIfAbsent(student.studentId(), student) != null) {
            return false;
        }
        version++;
        return true;
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        for (Student student : snapshot()) {
            sink.accept(student);
        }
    }

    private synchronized ArrayList<Student> snapshot() {
        return new ArrayList<>(students.values());
    }

    @Override
    public synchronized OptionalLong changeVersion() {
        return OptionalLong.of(version);
    }
}
