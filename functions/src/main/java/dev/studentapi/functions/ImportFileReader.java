package dev.studentapi.functions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an import file row by row as it streams: a CSV whose header row names the columns (in any order), or a
 * JSON array of student objects. Values stay as sent (strings; JSON non-strings kept so validation can name
 * them). A file that is not CSV or JSON at all stops with {@link MalformedFileException} at its row.
 */
final class ImportFileReader {

    /** Receives one data row: its 1-based number and its fields. */
    @FunctionalInterface
    interface RowSink {
        void accept(long row, Map<String, Object> fields) throws IOException;
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private ImportFileReader() {
    }

    /** The problems of a CSV header row (row 0): an empty, unknown or repeated column, or a missing field. */
    static List<HeaderProblem> headerProblems(InputStream in) throws IOException {
        List<String> header = new CsvRecords(reader(in)).next();
        if (header == null) {
            return List.of(new HeaderProblem(null, "MISSING_HEADER", "the file has no header row"));
        }
        List<HeaderProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            String name = column.strip();
            if (!StudentCsv.HEADER.contains(name)) {
                problems.add(new HeaderProblem(name, "UNKNOWN_FIELD", "is not a student field"));
            } else if (!seen.add(name)) {
                problems.add(new HeaderProblem(name, "DUPLICATE_COLUMN", "appears twice in the header row"));
            }
        }
        for (String field : StudentCsv.HEADER) {
            if (!seen.contains(field)) {
                problems.add(new HeaderProblem(field, "REQUIRED", "is missing from the header row"));
            }
        }
        return problems;
    }

    /** One problem of a header row: the column (null for the whole row), a code and the reason. */
    record HeaderProblem(String field, String code, String message) {
    }

    /** Every data row of a CSV whose header {@link #headerProblems} accepted; a field past the header is unknown. */
    static void csv(InputStream in, RowSink sink) throws IOException {
        CsvRecords records = new CsvRecords(reader(in));
        CsvRow.Names names = new CsvRow.Names(records.next().stream().map(String::strip).toList());
        List<String> fields;
        while ((fields = records.next()) != null) {
            sink.accept(records.row(), new CsvRow(names, fields));
        }
    }

    /** Every element of a JSON array; an element that is not an object is a row without fields. */
    static void jsonArray(InputStream in, RowSink sink) throws IOException {
        long row = 0;
        boolean inRow = false;
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.setCodec(JSON);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedFileException(0, "INVALID_JSON", "the body is not a JSON array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new MalformedFileException(row + 1, "INVALID_JSON", "the array is never closed");
                }
                row++;
                inRow = true;
                JsonNode element = parser.readValueAsTree();
                inRow = false;
                sink.accept(row, element != null && element.isObject() ? fields(element) : Map.of());
            }
            if (parser.nextToken() != null) {
                throw new MalformedFileException(row, "INVALID_JSON", "text after the end of the array");
            }
        } catch (JsonParseException e) {
            throw new MalformedFileException(inRow ? row : row + 1, "INVALID_JSON", e.getOriginalMessage());
        }
    }

    private static Map<String, Object> fields(JsonNode object) {
        Map<String, Object> fields = new LinkedHashMap<>(8);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isTextual() ? value.textValue() : value.isNull() ? null : value);
        }
        return fields;
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    }
}
