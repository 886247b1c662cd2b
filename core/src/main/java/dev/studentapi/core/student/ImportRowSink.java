package dev.studentapi.core.student;

import java.io.IOException;

/** Receives the rows of an import file one at a time. */
@FunctionalInterface
public interface ImportRowSink {
    void accept(ImportRow row) throws IOException;
}
