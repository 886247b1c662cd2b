package dev.studentapi.core.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleExpressionTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private static Instant next(String expression, String after, ZoneId zone) {
        return ScheduleExpression.parse(expression).nextAfter(Instant.parse(after), zone);
    }

    @Test
    void theReferenceDailyCronFiresAtLocalMidnight() {
        assertThat(next("cron(0 0 * * ? *)", "2026-11-27T10:00:00Z", BANGKOK))
                .isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(next("cron(0 0 * * ? *)", "2026-11-27T17:00:00Z", BANGKOK))
                .isEqualTo(Instant.parse("2026-11-28T17:00:00Z"));
        assertThat(next("cron(0 0 * * ? *)", "2026-11-27T10:00:00Z", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void cronFieldsTakeListsRangesStepsAndNames() {
        assertThat(next("cron(0/15 8-9 * * ? *)", "2026-11-27T08:20:00Z", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-27T08:30:00Z"));
        assertThat(next("cron(30 6 ? * MON-FRI *)", "2026-11-27T07:00:00Z", ZoneOffset.UTC))
                .as("Friday 27th is past 06:30, Saturday and Sunday are skipped")
                .isEqualTo(Instant.parse("2026-11-30T06:30:00Z"));
        assertThat(next("cron(0 12 1,15 JAN,JUL ? 2027)", "2026-11-27T00:00:00Z", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2027-01-01T12:00:00Z"));
        assertThat(next("cron(0 0 ? * 1 *)", "2026-11-27T00:00:00Z", ZoneOffset.UTC))
                .as("day-of-week 1 is Sunday").isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void ratesFireAtWholeMultiplesOfTheirPeriod() {
        assertThat(next("rate(1 day)", "2026-11-27T10:00:00Z", BANGKOK)).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(next("rate(15 minutes)", "2026-11-27T10:07:00Z", BANGKOK))
                .isEqualTo(Instant.parse("2026-11-27T10:15:00Z"));
        assertThat(next("rate(2 hours)", "2026-11-27T10:00:00Z", BANGKOK)).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
    }

    @Test
    void theLatestTickInARangeSkipsTheEarlierOnes() {
        ScheduleExpression daily = ScheduleExpression.parse("cron(0 0 * * ? *)");
        assertThat(daily.latestIn(Instant.parse("2026-11-20T12:00:00Z"), Instant.parse("2026-11-27T12:00:00Z"),
                ZoneOffset.UTC)).contains(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(daily.latestIn(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-27T12:00:00Z"),
                ZoneOffset.UTC)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 0 * * * *)", "cron(0 0 * *)", "cron(61 0 * * ? *)", "cron(0 0 ? * FUNDAY *)",
            "rate(1 days)", "rate(2 day)", "rate(0 minutes)", "every day", "cron(0 0 5-1 * ? *)"})
    void malformedExpressionsAreRefused(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
