package dev.studentapi.functions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time from a stream: fields separated by commas, optionally quoted (a quote
 * inside doubled), records ended by CRLF or LF (line breaks inside quotes belong to the field). A byte-order mark
 * at the start is skipped and blank lines are ignored. Holds one record in memory.
 */
final class CsvRecords {

    /** Longest field accepted, so that a missing closing quote cannot fill the memory. */
    static final int MAX_FIELD_CHARS = 64 * 1024;

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long line = 1;
    private long records;
    private boolean started;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The row of the record last read: 0 for the header row, 1 for the first data row. */
    long row() {
        return records - 1;
    }

    /** The next record, or null at the end of the stream. */
    List<String> next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        while (c == '\r' || c == '\n') {
            skipLineEnd(c);
            c = read();
        }
        if (c < 0) {
            return null;
        }
        records++;
        List<String> fields = new ArrayList<>(5);
        StringBuilder field = new StringBuilder(32);
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = quoted(field);
            } else {
                while (c >= 0 && c != ',' && c != '\r' && c != '\n') {
                    if (c == '"') {
                        throw new MalformedFileException(row(), "INVALID_CSV",
                                "a quote inside an unquoted field on line " + line);
                    }
                    append(field, c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                skipLineEnd(c);
            }
            return fields;
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quoted(StringBuilder field) throws IOException {
        long opened = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new MalformedFileException(row(), "INVALID_CSV",
                        "the quote opened on line " + opened + " is never closed");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    append(field, '"');
                    continue;
                }
                if (after >= 0 && after != ',' && after != '\r' && after != '\n') {
                    throw new MalformedFileException(row(), "INVALID_CSV",
                            "text after a closing quote on line " + line);
                }
                return after;
            }
            if (c == '\n') {
                line++;
            }
            append(field, c);
        }
    }

    private void append(StringBuilder field, int c) throws MalformedFileException {
        if (field.length() >= MAX_FIELD_CHARS) {
            throw new MalformedFileException(row(), "INVALID_CSV",
                    "a field longer than " + MAX_FIELD_CHARS + " characters on line " + line);
        }
        field.append((char) c);
    }

    /** Consumes the line end that starts with {@code c}. */
    private void skipLineEnd(int c) throws IOException {
        line++;
        if (c == '\r' && read() != '\n') {
            unread();
        }
    }

    /** Steps back over the character just read (a no-op after the end of the stream). */
    private void unread() {
        if (limit > 0) {
            position--;
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
