package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Optional;

/** A quota as a caller gives it: numbers possibly missing, the period by name; {@link #settings()} applies the rules. */
public record QuotaInput(Long limit, String period, Integer offset) {

    public static final QuotaInput NONE = new QuotaInput(null, null, null);

    public static QuotaInput of(QuotaSettings settings) {
        return settings == null ? NONE
                : new QuotaInput(settings.limit(), settings.period().name(), settings.offset());
    }

    public QuotaInput withLimit(Long value) {
        return new QuotaInput(value, period, offset);
    }

    public QuotaInput withPeriod(String value) {
        return new QuotaInput(limit, value, offset);
    }

    public QuotaInput withOffset(Integer value) {
        return new QuotaInput(limit, period, value);
    }

    /**
     * No quota when nothing is given; refuses a limit without a period or the other way round (QUOTA_INCOMPLETE),
     * an unknown period, a negative limit and an offset outside the period. A missing offset is 0.
     */
    public Optional<QuotaSettings> settings() {
        if (limit == null && period == null && offset == null) {
            return Optional.empty();
        }
        if (limit == null || period == null) {
            throw Refusal.of(RefusalCode.QUOTA_INCOMPLETE).with("missing", limit == null ? "limit" : "period");
        }
        return Optional.of(new QuotaSettings(limit, QuotaPeriod.parse(period), offset == null ? 0 : offset));
    }
}
