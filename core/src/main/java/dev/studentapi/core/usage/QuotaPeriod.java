package dev.studentapi.core.usage;

/** The length of a quota window. */
public enum QuotaPeriod {
    DAY, WEEK, MONTH;

    /** The largest offset in days that a window of this period may be shifted by. */
    public int maxOffset() {
        return switch (this) {
            case DAY -> 0;
            case WEEK -> 6;
            case MONTH -> 27;
        };
    }
}
