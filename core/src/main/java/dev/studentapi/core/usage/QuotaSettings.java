package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Objects;

/** At most {@code limit} requests per {@code period}, with windows starting {@code offset} days late (UTC). */
public record QuotaSettings(long limit, QuotaPeriod period, int offset) {
    public QuotaSettings {
        Objects.requireNonNull(period, "period");
        if (limit < 0) {
            throw Refusal.of(RefusalCode.QUOTA_LIMIT_INVALID, limit, 0);
        }
        if (offset < 0 || offset > period.maxOffset()) {
            throw Refusal.of(RefusalCode.QUOTA_OFFSET_OUT_OF_RANGE, offset, period.maxOffset())
                    .with("period", period);
        }
    }
}
