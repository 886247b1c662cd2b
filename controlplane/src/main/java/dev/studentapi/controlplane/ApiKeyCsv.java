package dev.studentapi.controlplane;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;

/**
 * Reads API Gateway's API key file: a CSV whose header names (any case, any order) include {@code Name} and
 * {@code Key}, optionally {@code Description}, {@code Enabled} (default true) and {@code UsagePlanIds} (several
 * ids in one double- or single-quoted cell). Unknown columns are ignored.
 */
final class ApiKeyCsv {

    /** One key of the file; {@code line} counts from 1 at the header. */
    record Row(int line, String name, String key, String description, boolean enabled, List<String> usagePlanIds) {}

    private ApiKeyCsv() {
    }

    static List<Row> parse(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new AwsBadRequest("The API key file is empty.");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = cells(lines.get(0));
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("name") || !columns.containsKey("key")) {
            throw new AwsBadRequest("The API key file must have the columns Name and Key.");
        }
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = cells(lines.get(n));
            String enabled = cell(cells, columns, "enabled");
            if (!enabled.isEmpty() && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
                throw new AwsBadRequest("Invalid Enabled value '" + enabled + "' on line " + (n + 1) + ".");
            }
            List<String> plans = Arrays.stream(cell(cells, columns, "usageplanids").split(","))
                    .map(String::strip).filter(id -> !id.isEmpty()).toList();
            rows.add(new Row(n + 1, cell(cells, columns, "name"), cell(cells, columns, "key"),
                    cell(cells, columns, "description"), !enabled.equalsIgnoreCase("false"), plans));
        }
        return rows;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }

    /** Splits one line on commas outside quotes; a doubled quote inside quotes is one quote character. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote && i + 1 < line.length() && line.charAt(i + 1) == quote) {
                    cell.append(c);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                } else {
                    cell.append(c);
                }
            } else if ((c == '"' || c == '\'') && cell.toString().isBlank()) {
                cell.setLength(0);
                quote = c;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quote != 0) {
            throw new AwsBadRequest("Unterminated quoted value in the API key file: " + redacted(line));
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String redacted(String line) {
        return line.length() <= 8 ? "…" : line.substring(0, 8) + "…";
    }
}
