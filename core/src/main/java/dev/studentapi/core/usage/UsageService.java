package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports a key's usage per day and grants or takes back quota in the current window. */
public final class UsageService {

    private final UsagePlanStore plans;
    private final UsageCounter counter;
    private final Clock clock;

    public UsageService(UsagePlanStore plans, UsageCounter counter, Clock clock) {
        this.plans = plans;
        this.counter = counter;
        this.clock = clock;
    }

    /** One row per day of {@code days} for a key on a plan: used that day, and quota left at the end of it. */
    public List<DailyUsage> daily(String planId, String keyId, UsageDays days) {
        UsagePlan plan = plan(planId);
        LocalDate from = days.from();
        LocalDate to = days.to();
        Map<LocalDate, Long> perDay = counter.daily(planId, keyId, from, to);
        QuotaWindow current = plan.quotaSettings()
                .map(q -> QuotaWindow.containing(clock.instant(), q)).orElse(null);
        List<DailyUsage> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long used = perDay.getOrDefault(day, 0L);
            rows.add(new DailyUsage(day, used, remainingAfter(plan, keyId, day, perDay, current)));
        }
        return rows;
    }

    /** The quota left in the key's current window (-1 when the plan has no quota). */
    public long remaining(String planId, String keyId) {
        UsagePlan plan = plan(planId);
        if (plan.quota() == null) {
            return -1;
        }
        QuotaWindow window = QuotaWindow.containing(clock.instant(), plan.quota());
        return Math.max(0, plan.quota().limit() - counter.used(planId, keyId, window));
    }

    /**
     * Sets what remains of the key's quota in the current window; refuses a key not on the plan, a plan without
     * a quota and a negative number.
     */
    public long setRemaining(String planId, String keyId, long remaining) {
        UsagePlan plan = PlanBindings.requireKeyOnPlan(plans, planId, keyId);
        QuotaSettings quota = plan.quotaSettings()
                .orElseThrow(() -> Refusal.of(RefusalCode.QUOTA_NOT_SET, planId));
        if (remaining < 0) {
            throw Refusal.of(RefusalCode.REMAINING_NEGATIVE, remaining, 0);
        }
        QuotaWindow window = QuotaWindow.containing(clock.instant(), quota);
        counter.setUsed(planId, keyId, window, Math.max(0, quota.limit() - remaining));
        return remaining;
    }

    private UsagePlan plan(String planId) {
        return PlanBindings.requirePlan(plans, planId);
    }

    private long remainingAfter(UsagePlan plan, String keyId, LocalDate day, Map<LocalDate, Long> perDay,
                                QuotaWindow current) {
        if (plan.quota() == null) {
            return -1;
        }
        if (current != null && current.contains(day)) {
            long usedSoFar = counter.used(plan.id(), keyId, current);
            long laterInWindow = 0;
            for (LocalDate d = day.plusDays(1); current.contains(d); d = d.plusDays(1)) {
                laterInWindow += perDay.getOrDefault(d, 0L);
            }
            return Math.max(0, plan.quota().limit() - Math.max(0, usedSoFar - laterInWindow));
        }
        QuotaWindow window = QuotaWindow.containing(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                plan.quota());
        long used = 0;
        for (LocalDate d = window.start(); !d.isAfter(day); d = d.plusDays(1)) {
            used += perDay.getOrDefault(d, 0L);
        }
        return Math.max(0, plan.quota().limit() - used);
    }
}
