package dev.studentapi.testkit;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named student fixtures for tests. */
public final class Students {
    private Students() {
    }

    public static Student student(String id) {
        return new Student(id, "Student " + id, "CNTT1", "2000-01-15", id.toLowerCase() + "@example.com");
    }

    /** {@link #student(String)} with another name. */
    public static Student named(String id, String name) {
        Student s = student(id);
        return new Student(id, name, s.className(), s.birthdate(), s.email());
    }

    /** {@link #student(String)} in another class. */
    public static Student inClass(String id, String className) {
        Student s = student(id);
        return new Student(id, s.name(), className, s.birthdate(), s.email());
    }

    /** The ids {@code prefix000000}, {@code prefix000001}... of {@code count} students, in id order. */
    public static String id(String prefix, int number) {
        return String.format("%s%06d", prefix, number);
    }

    /** {@code count} students with the ids of {@link #id}, generated one at a time, never all in memory. */
    public static StudentSource generated(String prefix, int count) {
        return sink -> {
            for (int i = 0; i < count; i++) {
                sink.accept(student(id(prefix, i)));
            }
        };
    }

    /** A source of exactly these students, re-readable. */
    public static StudentSource sourceOf(List<Student> students) {
        return sink -> {
            for (Student student : students) {
                sink.accept(student);
            }
        };
    }

    /** The JSON-shaped map a client would submit for {@link #student(String)}. */
    public static Map<String, Object> submitted(String id) {
        return fieldsOf(student(id));
    }

    /** The JSON-shaped map of a student's five fields, in documented order. */
    public static Map<String, Object> fieldsOf(Student s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("studentid", s.studentId());
        map.put("name", s.name());
        map.put("class", s.className());
        map.put("birthdate", s.birthdate());
        map.put("email", s.email());
        return map;
    }
}
