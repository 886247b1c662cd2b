package dev.studentapi.core.student;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The first errors of an import by row and documented field order, at most a fixed number, and their total. */
final class ImportErrors {

    private static final Comparator<RowError> ORDER = Comparator.comparingLong(RowError::row)
            .thenComparingInt(e -> {
                int index = StudentValidator.FIELDS.indexOf(e.field());
                return index < 0 ? Integer.MAX_VALUE : index;
            })
            .thenComparing(RowError::field).thenComparing(RowError::code);

    private final int kept;
    private final TreeSet<RowError> first = new TreeSet<>(ORDER);
    private long total;

    ImportErrors(int kept) {
        this.kept = kept;
    }

    void add(RowError error) {
        total++;
        first.add(error);
        if (first.size() > kept) {
            first.pollLast();
        }
    }

    long total() {
        return total;
    }

    List<RowError> first() {
        return List.copyOf(first);
    }
}
