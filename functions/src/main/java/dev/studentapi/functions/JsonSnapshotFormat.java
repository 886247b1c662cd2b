package dev.studentapi.functions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.studentapi.core.backup.SnapshotFormat;
import dev.studentapi.core.backup.SnapshotProblem;
import dev.studentapi.core.backup.UnreadableSnapshotException;
import dev.studentapi.core.student.Student;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A backup file as one JSON array of student objects, written and read as a stream. */
public final class JsonSnapshotFormat implements SnapshotFormat {

    /** Fields kept per row: more than this are certainly unknown ones, and the first of them is reported. */
    private static final int MAX_FIELDS = 16;

    private final JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

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

            /** The fields' UTF-8 bytes go into the JSON as they are, escaped where JSON needs it. */
            @Override
            public void acceptEncoded(byte[] studentId, byte[] name, byte[] className, byte[] birthdate,
                                      byte[] email) throws IOException {
                json.writeStartObject();
                field("studentid", studentId);
                field("name", name);
                field("class", className);
                field("birthdate", birthdate);
                field("email", email);
                json.writeEndObject();
                count++;
            }

            private void field(String name, byte[] utf8) throws IOException {
                json.writeFieldName(name);
                json.writeUTF8String(utf8, 0, utf8.length);
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

    /**
     * Reads the array with Jackson's streaming parser, one row's fields at a time: strings as strings, other
     * scalars as their values and nested objects or arrays as a list (so the rules call them not a string).
     */
    @Override
    public void read(InputStream in, RowSink rows) throws IOException {
        try (JsonParser json = factory.createParser(in)) {
            readArray(json, rows);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    /** The parser's own failures surface as {@link JsonProcessingException}; the sink's pass through as they are. */
    private static void readArray(JsonParser json, RowSink rows) throws IOException {
        if (next(json) != JsonToken.START_ARRAY) {
            throw notABackup("a backup is a JSON array of student objects");
        }
        long row = 0;
        for (JsonToken token = next(json); token != JsonToken.END_ARRAY; token = next(json)) {
            row++;
            if (token != JsonToken.START_OBJECT) {
                throw new UnreadableSnapshotException(new SnapshotProblem(row, Optional.empty(),
                        SnapshotProblem.NOT_A_BACKUP, Optional.of("row " + row + " is not an object")));
            }
            rows.accept(row, fields(json));
        }
        if (next(json) != null) {
            throw notABackup("there is more after the array");
        }
    }

    private static Map<String, Object> fields(JsonParser json) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (next(json) == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = next(json);
            Object read = switch (value) {
                case VALUE_STRING -> json.getText();
                case VALUE_NULL -> null;
                case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
                case START_OBJECT, START_ARRAY -> {
                    json.skipChildren();
                    yield List.of();
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> json.getNumberValue();
                default -> throw notABackup("unexpected " + value + " in row object");
            };
            if (fields.size() < MAX_FIELDS || fields.containsKey(name)) {
                fields.put(name, read);
            }
        }
        return fields;
    }

    /** The next token; an early end is a file that is not JSON. */
    private static JsonToken next(JsonParser json) throws IOException {
        JsonToken token = json.nextToken();
        if (token == null && !json.getParsingContext().inRoot()) {
            throw new UnreadableSnapshotException(SnapshotProblem.ofFile(SnapshotProblem.NOT_JSON,
                    "the file ends inside the array"));
        }
        return token;
    }

    private static UnreadableSnapshotException notJson(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        return new UnreadableSnapshotException(SnapshotProblem.ofFile(SnapshotProblem.NOT_JSON,
                reason == null ? null : reason.lines().findFirst().orElse(reason)));
    }

    private static UnreadableSnapshotException notABackup(String detail) {
        return new UnreadableSnapshotException(SnapshotProblem.ofFile(SnapshotProblem.NOT_A_BACKUP, detail));
    }
}
