package dev.studentapi.core.backup;

import dev.studentapi.core.student.StudentSink;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/** Encodes a stream of students as one backup file (a JSON array). */
public interface SnapshotFormat {

    /** Starts a snapshot in {@code out}; closing the returned writer finishes it but leaves {@code out} open. */
    Writer open(OutputStream out) throws IOException;

    /** Accepts students one at a time. */
    interface Writer extends StudentSink, Closeable {
        long count();
    }
}
