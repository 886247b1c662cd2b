package dev.studentapi.functions;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentValidator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Students as RFC 4180 CSV in UTF-8: the header row {@code studentid,name,class,birthdate,email}, one row per
 * student, CRLF line ends, a field quoted only when it holds a comma, a quote or a line break.
 */
public final class StudentCsv implements AutoCloseable {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    public static final List<String> HEADER = StudentValidator.FIELDS;

    private final Writer out;

    private StudentCsv(Writer out) {
        this.out = out;
    }

    /** Starts a CSV on {@code out} with its header row; closing it flushes but leaves {@code out} open. */
    public static StudentCsv open(OutputStream out) throws IOException {
        StudentCsv csv = new StudentCsv(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                64 * 1024));
        csv.row(HEADER.get(0), HEADER.get(1), HEADER.get(2), HEADER.get(3), HEADER.get(4));
        return csv;
    }

    public void write(Student student) throws IOException {
        row(student.studentId(), student.name(), student.className(), student.birthdate(), student.email());
    }

    private void row(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields[i]);
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
