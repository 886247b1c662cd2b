package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Locale;

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

    /** The period named {@code text}, in any case; refuses other names with QUOTA_PERIOD_INVALID. */
    public static QuotaPeriod parse(String text) {
        for (QuotaPeriod period : values()) {
            if (period.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return period;
            }
        }
        throw Refusal.of(RefusalCode.QUOTA_PERIOD_INVALID, text);
    }
}
