package dev.studentapi.functions;

import java.io.IOException;

/** An import file that cannot be read as CSV or as a JSON array, at a row (1-based data row; 0 for the header). */
final class MalformedFileException extends IOException {

    private final long row;
    private final String code;

    MalformedFileException(long row, String code, String message) {
        super(message);
        this.row = row;
        this.code = code;
    }

    long row() {
        return row;
    }

    String code() {
        return code;
    }
}
