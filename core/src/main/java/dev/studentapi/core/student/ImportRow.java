package dev.studentapi.core.student;

import java.util.Map;
import java.util.Objects;

/** One row as read from an import file: its 1-based number (CSV: data rows, header excluded) and raw fields. */
public record ImportRow(long row, Map<String, ?> fields) {
    public ImportRow {
        Objects.requireNonNull(fields, "fields");
    }
}
