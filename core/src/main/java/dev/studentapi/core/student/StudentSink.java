package dev.studentapi.core.student;

import java.io.IOException;

/** Receives students one at a time, so that a whole table never has to sit in memory. */
@FunctionalInterface
public interface StudentSink {
    void accept(Student student) throws IOException;
}
