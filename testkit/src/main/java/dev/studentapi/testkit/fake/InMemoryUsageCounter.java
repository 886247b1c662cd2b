package dev.studentapi.testkit.fake;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Usage counts in maps; for core tests. Safe for concurrent use (every method is synchronized); not durable. */
public final class InMemoryUsageCounter implements UsageCounter {
    private final Map<String, Long> windows = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, Long>> days = new HashMap<>();

    @Override
    public synchronized QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day,
                                              long limit) {
        String windowKey = planId + "/" + keyId + "/" + window;
        long used = windows.getOrDefault(windowKey, 0L);
        if (used >= limit) {
            return new QuotaCharge.Exhausted(used);
        }
        windows.put(windowKey, used + 1);
        days.computeIfAbsent(planId + "/" + keyId, k -> new TreeMap<>()).merge(day, 1L, Long::sum);
        return new QuotaCharge.Charged(used + 1);
    }

    @Override
    public synchronized long used(String planId, String keyId, QuotaWindow window) {
        return windows.getOrDefault(planId + "/" + keyId + "/" + window, 0L);
    }

    @Override
    public synchronized void setUsed(String planId, String keyId, QuotaWindow window, long used) {
        windows.put(planId + "/" + keyId + "/" + window, Math.max(0, used));
    }

    @Override
    public synchronized Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Long> perDay = days.getOrDefault(planId + "/" + keyId, new TreeMap<>());
        return new TreeMap<>(perDay.subMap(from, true, to, true));
    }
}
