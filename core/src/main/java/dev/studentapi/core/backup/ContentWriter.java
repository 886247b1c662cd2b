package dev.studentapi.core.backup;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an object's content into the stream an object store opened for it. */
@FunctionalInterface
public interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
}
