package dev.studentapi.core.student;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Receives students one at a time as the UTF-8 bytes of their five fields (id, name, class, birthdate, e-mail), for
 * an export that writes bytes: a store that keeps UTF-8 can hand its bytes over without decoding them into text
 * first. The arrays belong to the receiver once passed.
 */
@FunctionalInterface
public interface EncodedStudentSink {

    void accept(byte[] studentId, byte[] name, byte[] className, byte[] birthdate, byte[] email) throws IOException;

    /** The same student, encoded. */
    default void accept(Student student) throws IOException {
        accept(student.studentId().getBytes(StandardCharsets.UTF_8), student.name().getBytes(StandardCharsets.UTF_8),
                student.className().getBytes(StandardCharsets.UTF_8),
                student.birthdate().getBytes(StandardCharsets.UTF_8), student.email().getBytes(StandardCharsets.UTF_8));
    }
}
