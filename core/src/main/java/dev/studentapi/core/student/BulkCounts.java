package dev.studentapi.core.student;

/** Counts of a bulk write: students newly stored, stored ones overwritten, and stored ones kept. */
public record BulkCounts(long inserted, long replaced, long skipped) {

    public BulkCounts {
        if (inserted < 0 || replaced < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    public static BulkCounts none() {
        return new BulkCounts(0, 0, 0);
    }

    /** Every student of the write, whatever happened to it. */
    public long total() {
        return inserted + replaced + skipped;
    }
}
