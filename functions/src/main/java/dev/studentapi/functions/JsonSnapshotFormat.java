package dev.studentapi.functions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.studentapi.core.backup.SnapshotFormat;
import dev.studentapi.core.student.Student;

import java.io.IOException;
import java.io.OutputStream;

/** A backup file as one JSON array of student objects, written as a stream. */
public final class JsonSnapshotFormat implements SnapshotFormat {

    private final JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public Writer open(OutputStream out) throws IOException {
        JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartArray();
        return new Writer() {
            private long count;

            @Override
            public void accept(Student student) throws IOException {
                StudentJson.write(json, student);
                count++;
            }

            @Override
            public long count() {
                return count;
            }

            @Override
            public void close() throws IOException {
                json.writeEndArray();
                json.close();
            }
        };
    }
}
