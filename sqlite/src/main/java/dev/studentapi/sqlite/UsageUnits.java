package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaWindow;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * The stored request counts of quota windows and days that a {@link ReservingUsageCounter} reserves units from
 * and gives unused units back to. Each method is one atomic step, visible to every process on the same store
 * once it returns; safe for concurrent use. Failures throw {@link dev.studentapi.core.StoreException}.
 */
interface UsageUnits {

    /** Whose units: one API key on one usage plan. */
    record Holder(String planId, String keyId) {
    }

    /** A window's stored count and its generation, which grows each time the count is set. */
    record Count(long used, long generation) {
    }

    /**
     * A number that changes whenever anything is committed to the store, by anyone: equal numbers from two calls
     * mean that a count read after the first is still current.
     */
    long changeVersion();

    /** The window's count; {@code (0, 0)} when nothing was counted in it. */
    Count count(Holder holder, QuotaWindow window);

    /**
     * Reads the window's count and adds {@code unitsFor.applyAsLong(used)} units (possibly none) to the window
     * and to {@code day}, in one step; returns the count read before adding.
     */
    Count reserve(Holder holder, QuotaWindow window, LocalDate day, LongUnaryOperator unitsFor);

    /**
     * Takes {@code units} reserved and never handed out off {@code day}, and off the window too while its
     * generation is still {@code generation} (a count set since then no longer includes them).
     */
    void giveBack(Holder holder, QuotaWindow window, long generation, LocalDate day, long units);

    /**
     * Sets the window's count to {@code used} (starting a new generation) and takes {@code unserved} units off
     * {@code day}, in one step; {@code day} is ignored when {@code unserved} is 0.
     */
    void set(Holder holder, QuotaWindow window, long used, LocalDate day, long unserved);

    /** The counts of the days from {@code from} to {@code to} (inclusive) that have any: a new map, in day order. */
    Map<LocalDate, Long> daily(Holder holder, LocalDate from, LocalDate to);
}
