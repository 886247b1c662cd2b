package dev.studentapi.core.student;

import java.util.Objects;

/** One student record, with every field already validated and trimmed. */
public record Student(String studentId, String name, String className, String birthdate, String email) {
    public Student {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(birthdate, "birthdate");
        Objects.requireNonNull(email, "email");
    }
}
