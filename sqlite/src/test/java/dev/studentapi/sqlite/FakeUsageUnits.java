package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * Usage units in memory, with the reservations it granted and what other processes on the same store would do
 * to the units of {@link #HOLDER}: commit a charge or set a count.
 */
final class FakeUsageUnits implements UsageUnits {

    static final Holder HOLDER = new Holder("p1", "k1");

    private record WindowOf(Holder holder, QuotaWindow window) {
    }

    private record DayOf(Holder holder, LocalDate day) {
    }

    /** One reservation: the window's count it found and how many units it added. */
    record Reservation(long usedBefore, long units) {
    }

    private final Map<WindowOf, Count> windows = new HashMap<>();
    private final Map<DayOf, Long> days = new HashMap<>();
    private final List<Reservation> reservations = new ArrayList<>();
    private long version;

    @Override
    public synchronized long changeVersion() {
        return version;
    }

    @Override
    public synchronized Count count(Holder holder, QuotaWindow window) {
        return windows.getOrDefault(new WindowOf(holder, window), new Count(0, 0));
    }

    @Override
    public synchronized Count reserve(Holder holder, QuotaWindow window, LocalDate day, LongUnaryOperator unitsFor) {
        Count before = count(holder, window);
        long units = unitsFor.applyAsLong(before.used());
        reservations.add(new Reservation(before.used(), units));
        if (units > 0) {
            windows.put(new WindowOf(holder, window), new Count(before.used() + units, before.generation()));
            days.merge(new DayOf(holder, day), units, Long::sum);
            version++;
        }
        return before;
    }

    @Override
    public synchronized void giveBack(Holder holder, QuotaWindow window, long generation, LocalDate day, long units) {
        Count count = count(holder, window);
        if (count.generation() == generation) {
            windows.put(new WindowOf(holder, window), new Count(Math.max(0, count.used() - units), generation));
        }
        days.computeIfPresent(new DayOf(holder, day), (d, used) -> Math.max(0, used - units));
        version++;
    }

    @Override
    public synchronized void set(Holder holder, QuotaWindow window, long used, LocalDate day, long unserved) {
        Count count = windows.get(new WindowOf(holder, window));
        windows.put(new WindowOf(holder, window), new Count(used, count == null ? 0 : count.generation() + 1));
        if (unserved > 0) {
            days.computeIfPresent(new DayOf(holder, day), (d, stored) -> Math.max(0, stored - unserved));
        }
        version++;
    }

    @Override
    public synchronized Map<LocalDate, Long> daily(Holder holder, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        days.forEach((of, used) -> {
            if (of.holder().equals(holder) && used > 0 && !of.day().isBefore(from) && !of.day().isAfter(to)) {
                perDay.put(of.day(), used);
            }
        });
        return perDay;
    }

    /** What another process's charge of {@code units} does: counted in the window and the day, committed. */
    synchronized void chargeElsewhere(QuotaWindow window, LocalDate day, long units) {
        Count count = count(HOLDER, window);
        windows.put(new WindowOf(HOLDER, window), new Count(count.used() + units, count.generation()));
        days.merge(new DayOf(HOLDER, day), units, Long::sum);
        version++;
    }

    /** What another process setting the window's count does. */
    synchronized void setElsewhere(QuotaWindow window, long used) {
        set(HOLDER, window, used, null, 0);
    }

    /** The window's stored count, reserved units included. */
    synchronized long stored(QuotaWindow window) {
        return count(HOLDER, window).used();
    }

    /** The day's stored count, reserved units included. */
    synchronized long storedOn(LocalDate day) {
        return days.getOrDefault(new DayOf(HOLDER, day), 0L);
    }

    /** The sizes of the reservations that took units, oldest first. */
    synchronized List<Long> blocks() {
        return reservations.stream().map(Reservation::units).filter(units -> units > 0).toList();
    }

    synchronized List<Reservation> reservations() {
        return List.copyOf(reservations);
    }
}
