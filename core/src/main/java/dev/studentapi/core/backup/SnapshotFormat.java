package dev.studentapi.core.backup;

import dev.studentapi.core.student.EncodedStudentSink;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Encodes a stream of students as one backup file (a JSON array), and reads such a file back row by row. */
public interface SnapshotFormat {

    /** Starts a snapshot in {@code out}; closing the returned writer finishes it but leaves {@code out} open. */
    Writer open(OutputStream out) throws IOException;

    /**
     * Streams the rows of the snapshot in {@code in} to {@code rows}, in file order, each as its raw fields (not yet
     * validated); throws {@link UnreadableSnapshotException} ({@link SnapshotProblem#NOT_JSON} or
     * {@link SnapshotProblem#NOT_A_BACKUP}) as soon as the content turns out to be something else. Memory does not
     * grow with the file.
     */
    void read(InputStream in, RowSink rows) throws IOException;

    /** Accepts students one at a time. */
    interface Writer extends StudentSink, Closeable {
        long count();

        /**
         * The student whose fields arrive as UTF-8 (see {@link EncodedStudentSink}); a format that writes UTF-8
         * overrides it to copy them without decoding.
         */
        default void acceptEncoded(byte[] studentId, byte[] name, byte[] className, byte[] birthdate, byte[] email)
                throws IOException {
            accept(new Student(text(studentId), text(name), text(className), text(birthdate), text(email)));
        }

        private static String text(byte[] utf8) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }

    /** Receives the rows of a snapshot: the 1-based row number and the row's fields as read. */
    @FunctionalInterface
    interface RowSink {
        void accept(long row, Map<String, ?> fields) throws IOException;
    }
}
