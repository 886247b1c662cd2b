package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Request counts per (plan, key) in the {@code usage_windows} and {@code usage_days} tables of a SQLite
 * database. Durable and exact across threads and processes; a busy key reserves its units in blocks (see
 * {@link ReservingUsageCounter}), so it costs one {@code BEGIN IMMEDIATE} per block instead of one per request.
 * Units reserved and not handed out are given back when the database closes. Another process (the CLI) that
 * sets a count starts a new generation of the window, and this counter drops the units it reserved before on
 * its very next charge. Engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class SqliteUsageCounter implements UsageCounter {

    private final ReservingUsageCounter counter;

    public SqliteUsageCounter(SqliteDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** With the clock that sizes blocks (tests drive it by hand). */
    SqliteUsageCounter(SqliteDatabase database, Clock clock) {
        this.counter = new ReservingUsageCounter(new SqliteUsageUnits(database), clock);
        database.beforeClose(counter::giveBackAll);
    }

    @Override
    public QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        return counter.tryCharge(planId, keyId, window, day, limit);
    }

    @Override
    public long used(String planId, String keyId, QuotaWindow window) {
        return counter.used(planId, keyId, window);
    }

    @Override
    public void setUsed(String planId, String keyId, QuotaWindow window, long used) {
        counter.setUsed(planId, keyId, window, used);
    }

    @Override
    public Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
        return counter.daily(planId, keyId, from, to);
    }
}
