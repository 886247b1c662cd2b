package dev.studentapi.testkit;

import dev.studentapi.core.student.Student;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named student fixtures for tests. */
public final class Students {
    private Students() {
    }

    public static Student student(String id) {
        return new Student(id, "Student " + id, "CNTT1", "2000-01-15", id.toLowerCase() + "@example.com");
    }

    /** The JSON-shaped map a client would submit for {@link #student(String)}. */
    public static Map<String, Object> submitted(String id) {
        Student s = student(id);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("studentid", s.studentId());
        map.put("name", s.name());
        map.put("class", s.className());
        map.put("birthdate", s.birthdate());
        map.put("email", s.email());
        return map;
    }
}
