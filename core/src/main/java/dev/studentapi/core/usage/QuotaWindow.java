package dev.studentapi.core.usage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * One quota window in UTC, [start, end). DAY windows are calendar days; WEEK windows start on Sunday
 * plus {@code offset} days; MONTH windows start on the first of the month plus {@code offset} days.
 */
public record QuotaWindow(LocalDate start, LocalDate end) {

    public QuotaWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    public static QuotaWindow containing(Instant instant, QuotaPeriod period, int offset) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return switch (period) {
            case DAY -> new QuotaWindow(day, day.plusDays(1));
            case WEEK -> {
                DayOfWeek first = DayOfWeek.SUNDAY.plus(offset);
                LocalDate start = day.with(TemporalAdjusters.previousOrSame(first));
                yield new QuotaWindow(start, start.plusWeeks(1));
            }
            case MONTH -> {
                LocalDate start = day.withDayOfMonth(1).plusDays(offset);
                if (start.isAfter(day)) {
                    start = day.minusMonths(1).withDayOfMonth(1).plusDays(offset);
                }
                yield new QuotaWindow(start, start.minusDays(offset).plusMonths(1).plusDays(offset));
            }
        };
    }

    public static QuotaWindow containing(Instant instant, QuotaSettings quota) {
        return containing(instant, quota.period(), quota.offset());
    }

    public Instant startInstant() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant endInstant() {
        return end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }
}
