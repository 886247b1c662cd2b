package dev.studentapi.core.backup;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentValidator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A snapshot of one student per line, fields separated by '|'; a line of any other shape is no backup. */
final class LineSnapshotFormat implements SnapshotFormat {

    static String line(Student s) {
        return String.join("|", s.studentId(), s.name(), s.className(), s.birthdate(), s.email());
    }

    @Override
    public Writer open(OutputStream out) {
        return new Writer() {
            private long count;

            @Override
            public void accept(Student student) throws IOException {
                out.write((line(student) + "\n").getBytes(StandardCharsets.UTF_8));
                count++;
            }

            @Override
            public long count() {
                return count;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void read(InputStream in, RowSink rows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long row = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            row++;
            String[] parts = line.split("\\|", -1);
            if (parts.length != 5) {
                throw new UnreadableSnapshotException(SnapshotProblem.ofFile(SnapshotProblem.NOT_A_BACKUP,
                        "line " + row + " has " + parts.length + " fields"));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                fields.put(StudentValidator.FIELDS.get(i), parts[i]);
            }
            rows.accept(row, fields);
        }
    }
}
