package dev.studentapi.functions;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one CSV data row by column name, in column order: the names are the header's (one list for every
 * row, no map built per row), and a field past the header is {@code column <n>}. Read-only.
 */
final class CsvRow extends AbstractMap<String, Object> {

    private final Names names;
    private final List<String> values;

    CsvRow(Names names, List<String> values) {
        this.names = names;
        this.values = values;
    }

    /** The column names of a file: its header row, then {@code column <n>} for fields past it. */
    static final class Names {
        private String[] names;

        Names(List<String> header) {
            this.names = header.toArray(String[]::new);
        }

        String at(int column) {
            if (column >= names.length) {
                String[] longer = Arrays.copyOf(names, column + 1);
                for (int i = names.length; i < longer.length; i++) {
                    longer[i] = "column " + (i + 1);
                }
                names = longer;
            }
            return names[column];
        }
    }

    @Override
    public Object get(Object key) {
        int column = indexOf(key);
        return column < 0 ? null : values.get(column);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.size();
    }

    private int indexOf(Object key) {
        for (int i = 0; i < values.size(); i++) {
            if (names.at(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.size();
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int column = next++;
                        return new SimpleImmutableEntry<>(names.at(column), values.get(column));
                    }
                };
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }
}
