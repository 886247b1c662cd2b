package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The UTC days [from, to] of a usage report: not reversed, and at most {@value #MAX_DAYS} of them. */
public record UsageDays(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 90;

    public UsageDays {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw Refusal.of(RefusalCode.DATE_RANGE_REVERSED, from + ".." + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw Refusal.of(RefusalCode.DATE_RANGE_TOO_LONG, days, MAX_DAYS);
        }
    }
}
