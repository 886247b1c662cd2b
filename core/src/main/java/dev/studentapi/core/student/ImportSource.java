package dev.studentapi.core.student;

import java.io.IOException;

/**
 * The rows of an import file, readable more than once (a spooled upload); a file that does not parse throws
 * {@link java.io.IOException} or a subclass the entry point recognises.
 */
@FunctionalInterface
public interface ImportSource {
    void forEach(ImportRowSink sink) throws IOException;
}
