package dev.studentapi.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schedule fires, written as EventBridge Scheduler writes it: {@code cron(0 0 * * ? *)} or
 * {@code rate(1 day)}.
 */
public sealed interface ScheduleExpression permits CronExpression, ScheduleExpression.Rate {

    /** The first firing strictly after {@code after}, reading wall-clock fields in {@code zone}. */
    Instant nextAfter(Instant after, ZoneId zone);

    /** The latest firing at or before {@code atOrBefore} and strictly after {@code after}, if there is one. */
    default java.util.Optional<Instant> latestIn(Instant after, Instant atOrBefore, ZoneId zone) {
        Instant tick = nextAfter(after, zone);
        if (tick.isAfter(atOrBefore)) {
            return java.util.Optional.empty();
        }
        Instant latest = tick;
        for (int i = 0; i < 100_000; i++) {
            Instant next = nextAfter(latest, zone);
            if (next.isAfter(atOrBefore)) {
                break;
            }
            latest = next;
        }
        return java.util.Optional.of(latest);
    }

    /** Parses {@code cron(...)} or {@code rate(N minute|minutes|hour|hours|day|days)}. */
    static ScheduleExpression parse(String text) {
        String trimmed = text.strip();
        Matcher rate = RATE.matcher(trimmed);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            String unit = rate.group(2).toLowerCase(Locale.ROOT);
            if (amount < 1 || (amount == 1) != !unit.endsWith("s")) {
                throw new IllegalArgumentException("write rate(1 day) or rate(2 days): the unit agrees with the number");
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(amount);
                case "hour" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new Rate(period);
        }
        Matcher cron = CRON.matcher(trimmed);
        if (cron.matches()) {
            return CronExpression.parse(cron.group(1));
        }
        throw new IllegalArgumentException("not a cron(...) or rate(...) expression");
    }

    Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minutes?|hours?|days?)\\s*\\)", Pattern.CASE_INSENSITIVE);
    Pattern CRON = Pattern.compile("cron\\((.*)\\)", Pattern.CASE_INSENSITIVE);

    /** Fires every {@code period}, at whole multiples of it counted from the Unix epoch. */
    record Rate(Duration period) implements ScheduleExpression {
        @Override
        public Instant nextAfter(Instant after, ZoneId zone) {
            long step = period.toMillis();
            long next = Math.floorDiv(after.toEpochMilli(), step) * step + step;
            return Instant.ofEpochMilli(next);
        }
    }
}
