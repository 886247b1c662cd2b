package dev.studentapi.core.usage;

import java.util.Objects;

/** At most {@code limit} requests per {@code period}, with windows starting {@code offset} days late (UTC). */
public record QuotaSettings(long limit, QuotaPeriod period, int offset) {
    public QuotaSettings {
        Objects.requireNonNull(period, "period");
        if (limit < 0) {
            throw new IllegalArgumentException("quota limit must not be negative");
        }
        if (offset < 0 || offset > period.maxOffset()) {
            throw new IllegalArgumentException("quota offset for " + period + " must be between 0 and "
                    + period.maxOffset());
        }
    }
}
