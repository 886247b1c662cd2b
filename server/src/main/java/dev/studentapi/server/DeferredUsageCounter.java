package dev.studentapi.server;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A usage counter whose engine is opened on the first call, so that a console task that reads no usage never
 * opens a shared limiter. Safe for concurrent use when the supplier is.
 */
final class DeferredUsageCounter implements UsageCounter {

    private final Supplier<UsageCounter> engine;
    private volatile UsageCounter counter;

    DeferredUsageCounter(Supplier<UsageCounter> engine) {
        this.engine = engine;
    }

    private UsageCounter counter() {
        UsageCounter current = counter;
        if (current == null) {
            current = engine.get();
            counter = current;
        }
        return current;
    }

    @Override
    public QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        return counter().tryCharge(planId, keyId, window, day, limit);
    }

    @Override
    public long used(String planId, String keyId, QuotaWindow window) {
        return counter().used(planId, keyId, window);
    }

    @Override
    public void setUsed(String planId, String keyId, QuotaWindow window, long used) {
        counter().setUsed(planId, keyId, window, used);
    }

    @Override
    public Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
        return counter().daily(planId, keyId, from, to);
    }
}
