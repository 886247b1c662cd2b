package dev.studentapi.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An EventBridge cron expression: minutes, hours, day-of-month, day-of-week, month and year fields with
 * {@code *}, {@code ?}, lists, ranges and steps; day-of-week 1-7 is SUN-SAT.
 */
public record CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
                             BitSet daysOfWeek, BitSet years, boolean anyDayOfMonth, boolean anyDayOfWeek)
        implements ScheduleExpression {

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    static CronExpression parse(String fields) {
        String[] parts = fields.strip().split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException("cron needs 6 fields: minutes hours day-of-month month day-of-week year");
        }
        boolean anyDom = parts[2].equals("?");
        boolean anyDow = parts[4].equals("?");
        if (anyDom == anyDow) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?'");
        }
        return new CronExpression("cron(" + fields.strip() + ")",
                field(parts[0], 0, 59, List.of(), 0),
                field(parts[1], 0, 23, List.of(), 0),
                anyDom ? all(1, 31) : field(parts[2], 1, 31, List.of(), 0),
                field(parts[3], 1, 12, MONTHS, 1),
                anyDow ? all(1, 7) : field(parts[4], 1, 7, DAYS, 1),
                field(parts[5], 1970, 2199, List.of(), 0),
                anyDom, anyDow);
    }

    private static BitSet all(int min, int max) {
        BitSet set = new BitSet();
        set.set(min, max + 1);
        return set;
    }

    private static BitSet field(String text, int min, int max, List<String> names, int firstNameValue) {
        BitSet set = new BitSet();
        for (String item : text.split(",")) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), 1, max, List.of(), 0);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], min, max, names, firstNameValue);
                to = number(ends[1], min, max, names, firstNameValue);
            } else {
                from = number(range, min, max, names, firstNameValue);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw new IllegalArgumentException("range " + range + " runs backwards");
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String text, int min, int max, List<String> names, int firstNameValue) {
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        int value;
        if (index >= 0) {
            value = index + firstNameValue;
        } else {
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number or name");
            }
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + "-" + max);
        }
        return value;
    }

    @Override
    public Instant nextAfter(Instant after, ZoneId zone) {
        ZonedDateTime start = after.atZone(zone).withSecond(0).withNano(0).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        LocalTime earliest = start.toLocalTime();
        for (int i = 0; i < 366 * 5; i++, day = day.plusDays(1), earliest = LocalTime.MIDNIGHT) {
            if (!matches(day)) {
                continue;
            }
            for (int hour = hours.nextSetBit(earliest.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                int fromMinute = hour == earliest.getHour() ? earliest.getMinute() : 0;
                int minute = minutes.nextSetBit(fromMinute);
                if (minute >= 0) {
                    ZonedDateTime candidate = day.atTime(hour, minute).atZone(zone);
                    if (candidate.toInstant().isAfter(after)) {
                        return candidate.toInstant();
                    }
                }
            }
        }
        throw new IllegalStateException(text + " does not fire in the next five years");
    }

    private boolean matches(LocalDate day) {
        int dayOfWeek = day.getDayOfWeek().getValue() % 7 + 1;
        return years.get(day.getYear()) && months.get(day.getMonthValue())
                && daysOfMonth.get(day.getDayOfMonth()) && daysOfWeek.get(dayOfWeek);
    }

    @Override
    public String toString() {
        return text;
    }
}
