package dev.studentapi.core.usage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaWindowTest {

    private static QuotaWindow at(String instant, QuotaPeriod period, int offset) {
        return QuotaWindow.containing(Instant.parse(instant), period, offset);
    }

    private static QuotaWindow window(String start, String end) {
        return new QuotaWindow(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void dayWindowsAreUtcCalendarDays() {
        assertThat(at("2026-11-27T00:00:00Z", QuotaPeriod.DAY, 0)).isEqualTo(window("2026-11-27", "2026-11-28"));
        assertThat(at("2026-11-27T23:59:59.999Z", QuotaPeriod.DAY, 0)).isEqualTo(window("2026-11-27", "2026-11-28"));
        assertThat(at("2026-11-28T00:00:00Z", QuotaPeriod.DAY, 0)).isEqualTo(window("2026-11-28", "2026-11-29"));
    }

    @Test
    void weekWindowsStartOnSundayShiftedByTheOffset() {
        // 2026-11-27 is a Friday; the Sunday before is 2026-11-22.
        assertThat(at("2026-11-27T10:00:00Z", QuotaPeriod.WEEK, 0)).isEqualTo(window("2026-11-22", "2026-11-29"));
        assertThat(at("2026-11-22T00:00:00Z", QuotaPeriod.WEEK, 0)).isEqualTo(window("2026-11-22", "2026-11-29"));
        assertThat(at("2026-11-21T23:59:59Z", QuotaPeriod.WEEK, 0)).isEqualTo(window("2026-11-15", "2026-11-22"));
        assertThat(at("2026-11-27T10:00:00Z", QuotaPeriod.WEEK, 1)).isEqualTo(window("2026-11-23", "2026-11-30"));
        assertThat(at("2026-11-27T10:00:00Z", QuotaPeriod.WEEK, 6)).isEqualTo(window("2026-11-21", "2026-11-28"));
    }

    @Test
    void monthWindowsStartOnTheFirstShiftedByTheOffset() {
        assertThat(at("2026-11-27T10:00:00Z", QuotaPeriod.MONTH, 0)).isEqualTo(window("2026-11-01", "2026-12-01"));
        assertThat(at("2026-12-01T00:00:00Z", QuotaPeriod.MONTH, 0)).isEqualTo(window("2026-12-01", "2027-01-01"));
        assertThat(at("2026-11-27T10:00:00Z", QuotaPeriod.MONTH, 14)).isEqualTo(window("2026-11-15", "2026-12-15"));
        assertThat(at("2026-11-14T23:59:59Z", QuotaPeriod.MONTH, 14)).isEqualTo(window("2026-10-15", "2026-11-15"));
        assertThat(at("2027-02-10T00:00:00Z", QuotaPeriod.MONTH, 27)).isEqualTo(window("2027-01-28", "2027-02-28"));
    }

    @Test
    void windowsKnowTheirInstantsAndDays() {
        QuotaWindow w = window("2026-11-27", "2026-11-28");
        assertThat(w.startInstant()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(w.endInstant()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(w.contains(LocalDate.parse("2026-11-27"))).isTrue();
        assertThat(w.contains(LocalDate.parse("2026-11-28"))).isFalse();
    }
}
