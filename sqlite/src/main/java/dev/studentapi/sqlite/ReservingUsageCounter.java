package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.sqlite.UsageUnits.Count;
import dev.studentapi.sqlite.UsageUnits.Holder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A usage counter that commits quota units to {@link UsageUnits} in blocks and hands them out from memory. Exact
 * across threads and processes: a request is admitted only after its unit is committed to the window's count.
 *
 * <p>A key whose units run out quickly (within {@link #FAST}) gets twice as many next time, up to
 * {@link #MAX_BLOCK} and never more than a quarter of what is left of the limit; a block that lasts longer keeps
 * its size, and after a quiet spell ({@link #QUIET}) a key reserves a single unit again. So a busy key costs one
 * store transaction per block instead of one per request. Units reserved and not yet handed out are counted in
 * the store but not in what this counter reports; they are given back when the window or day changes, when the
 * count is set and by {@link #giveBackAll()}. A process killed while holding some leaves them counted: it never
 * admits uncounted requests. A count set elsewhere starts a new generation of the window, and units reserved
 * before are dropped at once: every hand-out first compares the store's change version. The clock only sizes
 * blocks: a step of the wall clock changes one block's size, never what is admitted.
 */
final class ReservingUsageCounter implements UsageCounter {

    /** The most units one reservation takes. */
    static final int MAX_BLOCK = 512;
    /** A block used up faster than this makes the next one twice as large. */
    static final Duration FAST = Duration.ofMillis(10);
    /** A block that lasted longer than this makes the next one a single unit; in between, the size stays. */
    static final Duration QUIET = Duration.ofSeconds(1);

    /**
     * Units of one window and day committed to the store and not yet handed out. Handed out without a lock
     * while {@link #checkedVersion} is still the store's change version; replaced under the holder's lock.
     */
    private record Block(QuotaWindow window, LocalDate day, long generation, long storedUsed, long checkedVersion,
                         AtomicLong units) {
        boolean serves(QuotaWindow window, LocalDate day) {
            return window.equals(this.window) && day.equals(this.day);
        }
    }

    /** The current block of one holder and how fast the last one went; changed under its own lock. */
    private static final class Reservation {
        volatile Block block;
        long size = 1;
        Instant reservedAt;
    }

    private final UsageUnits store;
    private final Clock clock;
    private final Map<Holder, Reservation> reservations = new ConcurrentHashMap<>();

    ReservingUsageCounter(UsageUnits store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        Holder holder = new Holder(planId, keyId);
        Reservation reservation = reservations.computeIfAbsent(holder, h -> new Reservation());
        Block block = reservation.block;
        if (block != null && block.serves(window, day) && block.checkedVersion() == store.changeVersion()) {
            QuotaCharge charged = handOut(block);
            if (charged != null) {
                return charged;
            }
        }
        synchronized (reservation) {
            block = reservation.block;
            if (block != null && block.serves(window, day)) {
                long version = store.changeVersion();
                if (version != block.checkedVersion()) {
                    block = recheck(holder, reservation, block, version);
                }
                QuotaCharge charged = handOut(block);
                if (charged != null) {
                    return charged;
                }
            } else if (block != null) {
                giveBack(holder, block);
            }
            return reserve(holder, reservation, window, day, limit);
        }
    }

    @Override
    public long used(String planId, String keyId, QuotaWindow window) {
        Holder holder = new Holder(planId, keyId);
        Reservation reservation = reservations.get(holder);
        if (reservation == null) {
            return store.count(holder, window).used();
        }
        synchronized (reservation) {
            Count count = store.count(holder, window);
            Block block = reservation.block;
            boolean ours = block != null && window.equals(block.window()) && count.generation() == block.generation();
            return Math.max(0, count.used() - (ours ? block.units().get() : 0));
        }
    }

    @Override
    public void setUsed(String planId, String keyId, QuotaWindow window, long used) {
        Holder holder = new Holder(planId, keyId);
        Reservation reservation = reservations.computeIfAbsent(holder, h -> new Reservation());
        synchronized (reservation) {
            Block block = reservation.block;
            boolean replaced = block != null && window.equals(block.window());
            long unserved = replaced ? block.units().getAndSet(0) : 0;
            store.set(holder, window, Math.max(0, used), replaced ? block.day() : null, unserved);
            if (replaced) {
                reservation.block = null;
            }
        }
    }

    @Override
    public Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
        Holder holder = new Holder(planId, keyId);
        Reservation reservation = reservations.get(holder);
        if (reservation == null) {
            return store.daily(holder, from, to);
        }
        synchronized (reservation) {
            Map<LocalDate, Long> perDay = store.daily(holder, from, to);
            Block block = reservation.block;
            long unserved = block == null ? 0 : block.units().get();
            if (unserved > 0) {
                perDay.computeIfPresent(block.day(), (day, used) -> used > unserved ? used - unserved : null);
            }
            return perDay;
        }
    }

    /** Gives every reserved and unserved unit back to the store (before it closes). */
    void giveBackAll() {
        reservations.forEach((holder, reservation) -> {
            synchronized (reservation) {
                if (reservation.block != null) {
                    giveBack(holder, reservation.block);
                }
            }
        });
    }

    /** Takes one unit of the block; null when none is left. */
    private static QuotaCharge handOut(Block block) {
        long left = block.units().get();
        while (left > 0) {
            if (block.units().compareAndSet(left, left - 1)) {
                return new QuotaCharge.Charged(block.storedUsed() - (left - 1));
            }
            left = block.units().get();
        }
        return null;
    }

    /** Commits a new block of units to the window and day, and hands out the first; or reports the limit. */
    private QuotaCharge reserve(Holder holder, Reservation reservation, QuotaWindow window, LocalDate day,
                                long limit) {
        Instant now = clock.instant();
        long wanted = nextSize(reservation, now);
        long version = store.changeVersion();
        Count before = store.reserve(holder, window, day, used -> granted(limit - used, wanted));
        long granted = granted(limit - before.used(), wanted);
        if (granted == 0) {
            return new QuotaCharge.Exhausted(before.used());
        }
        reservation.block = new Block(window, day, before.generation(), before.used() + granted, version,
                new AtomicLong(granted - 1));
        reservation.size = granted;
        reservation.reservedAt = now;
        return new QuotaCharge.Charged(before.used() + 1);
    }

    /** Twice the last block when it went fast, the same when it went steadily, one unit after a quiet spell. */
    private static long nextSize(Reservation reservation, Instant now) {
        if (reservation.block == null) {
            return 1;
        }
        Duration lasted = Duration.between(reservation.reservedAt, now);
        if (lasted.compareTo(FAST) < 0) {
            return Math.min(MAX_BLOCK, reservation.size * 2);
        }
        return lasted.compareTo(QUIET) < 0 ? reservation.size : 1;
    }

    /** How many units to take when {@code room} are left: at most a quarter of them, but at least one. */
    private static long granted(long room, long wanted) {
        return room <= 0 ? 0 : Math.min(room, Math.min(wanted, Math.max(1, room / 4)));
    }

    /**
     * Something was committed since the block was counted: keep its units with the count read now, or drop
     * them (taking them off their day) when the window's count was set meanwhile.
     */
    private Block recheck(Holder holder, Reservation reservation, Block block, long version) {
        Count count = store.count(holder, block.window());
        Block checked;
        if (count.generation() != block.generation()) {
            long unserved = block.units().getAndSet(0);
            if (unserved > 0) {
                store.giveBack(holder, block.window(), block.generation(), block.day(), unserved);
            }
            checked = new Block(block.window(), block.day(), count.generation(), count.used(), version,
                    new AtomicLong());
        } else {
            checked = new Block(block.window(), block.day(), block.generation(), count.used(), version,
                    block.units());
        }
        reservation.block = checked;
        return checked;
    }

    private void giveBack(Holder holder, Block block) {
        long unserved = block.units().getAndSet(0);
        if (unserved > 0) {
            store.giveBack(holder, block.window(), block.generation(), block.day(), unserved);
        }
    }
}
