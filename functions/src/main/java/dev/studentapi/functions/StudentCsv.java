package dev.studentapi.functions;

import dev.studentapi.core.student.EncodedStudentSink;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentValidator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Students as RFC 4180 CSV in UTF-8: the header row {@code studentid,name,class,birthdate,email}, one row per
 * student, CRLF line ends, a field quoted only when it holds a comma, a quote or a line break. Written as UTF-8
 * bytes through its own buffer; fields that arrive as UTF-8 ({@link EncodedStudentSink}) are copied as they are (the
 * four characters that need quoting are ASCII, so they are found in the bytes).
 */
public final class StudentCsv implements AutoCloseable, EncodedStudentSink {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    public static final List<String> HEADER = StudentValidator.FIELDS;

    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int used;

    private StudentCsv(OutputStream out) {
        this.out = out;
    }

    /** Starts a CSV on {@code out} with its header row; closing it flushes but leaves {@code out} open. */
    public static StudentCsv open(OutputStream out) throws IOException {
        StudentCsv csv = new StudentCsv(out);
        csv.accept(utf8(HEADER.get(0)), utf8(HEADER.get(1)), utf8(HEADER.get(2)), utf8(HEADER.get(3)),
                utf8(HEADER.get(4)));
        return csv;
    }

    public void write(Student student) throws IOException {
        accept(utf8(student.studentId()), utf8(student.name()), utf8(student.className()), utf8(student.birthdate()),
                utf8(student.email()));
    }

    /** One row of already encoded fields. */
    @Override
    public void accept(byte[] studentId, byte[] name, byte[] className, byte[] birthdate, byte[] email)
            throws IOException {
        field(studentId);
        put((byte) ',');
        field(name);
        put((byte) ',');
        field(className);
        put((byte) ',');
        field(birthdate);
        put((byte) ',');
        field(email);
        put((byte) '\r');
        put((byte) '\n');
    }

    private void field(byte[] value) throws IOException {
        if (value.length <= BUFFER - used && copiedAsItIs(value)) {
            return;
        }
        if (!needsQuotes(value)) {
            put(value, 0, value.length);
            return;
        }
        put((byte) '"');
        int from = 0;
        for (int i = 0; i < value.length; i++) {
            if (value[i] == '"') {
                put(value, from, i + 1 - from);
                put((byte) '"');
                from = i + 1;
            }
        }
        put(value, from, value.length - from);
        put((byte) '"');
    }

    /** Copies a field that needs no quotes into the buffer (which has room), looking at each byte once. */
    private boolean copiedAsItIs(byte[] value) {
        int at = used;
        for (byte b : value) {
            if (b == ',' || b == '"' || b == '\r' || b == '\n') {
                return false;
            }
            buffer[at++] = b;
        }
        used = at;
        return true;
    }

    private static boolean needsQuotes(byte[] value) {
        for (byte b : value) {
            if (b == ',' || b == '"' || b == '\r' || b == '\n') {
                return true;
            }
        }
        return false;
    }

    private void put(byte b) throws IOException {
        if (used == BUFFER) {
            drain();
        }
        buffer[used++] = b;
    }

    private void put(byte[] bytes, int from, int length) throws IOException {
        if (length > BUFFER - used) {
            drain();
            if (length > BUFFER) {
                out.write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, used, length);
        used += length;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        drain();
        out.flush();
    }
}
