package dev.studentapi.core.usage;

import java.time.LocalDate;
import java.util.Map;

/**
 * Counts requests per (plan, key): per quota window for enforcement and per UTC day for reports.
 * Counts are durable (they survive a restart) and every method is atomic across threads and processes.
 */
public interface UsageCounter {

    /**
     * Charges one request to {@code window} and to {@code day} when the window's count is below
     * {@code limit}; otherwise changes nothing. Never admits more than {@code limit} in a window.
     */
    QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit);

    /** The window's count so far. */
    long used(String planId, String keyId, QuotaWindow window);

    /** Sets the window's count (to grant or take back quota); it never goes below zero. */
    void setUsed(String planId, String keyId, QuotaWindow window, long used);

    /** Requests counted per UTC day in [from, to], only days with a count. */
    Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to);
}
