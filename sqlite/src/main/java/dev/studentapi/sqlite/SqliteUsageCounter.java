package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Request counts per (plan, key) in the {@code usage_windows} and {@code usage_days} tables of a SQLite
 * database. Durable and exact across threads and processes: a request is admitted only after its unit is
 * committed to the window's count.
 *
 * <p>Units are committed in blocks. A key whose units run out quickly (within {@link #FAST_NANOS}) gets twice
 * as many next time, up to {@link #MAX_BLOCK} and never more than a quarter of what is left of the limit; a
 * block that lasts longer keeps its size, and after a quiet spell ({@link #QUIET_NANOS}) a key reserves a single
 * unit again. So a busy key costs one {@code BEGIN IMMEDIATE} per block instead of one per request, and a quiet
 * one reserves a single unit, as before. Units reserved and not yet handed out are counted in the database but
 * not in what this counter reports; they are given back when the window or day changes, when the count is set
 * and when the database closes. A process killed while holding some leaves them counted: it never admits uncounted requests.
 * Another process (the CLI) that sets a count bumps the window's {@code generation}, and units reserved before
 * are dropped at once: every hand-out first compares the database's commit counter.
 *
 * <p>Engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class SqliteUsageCounter implements UsageCounter {

    /** The most units one reservation takes. */
    static final int MAX_BLOCK = 512;
    /** A block used up faster than this makes the next one twice as large. */
    static final long FAST_NANOS = 10_000_000L;
    /** A block that lasted longer than this makes the next one a single unit; in between, the size stays. */
    static final long QUIET_NANOS = 1_000_000_000L;

    private static final String WINDOW = "plan_id = ? AND key_id = ? AND window_start = ? AND window_end = ?";
    private static final String SELECT_WINDOW = "SELECT used, generation FROM usage_windows WHERE " + WINDOW;
    private static final String CREATE_WINDOW = "INSERT OR IGNORE INTO usage_windows "
            + "(plan_id, key_id, window_start, window_end, used) VALUES (?, ?, ?, ?, 0)";
    private static final String ADD_TO_WINDOW = "UPDATE usage_windows SET used = used + ? WHERE " + WINDOW;
    private static final String GIVE_BACK_TO_WINDOW =
            "UPDATE usage_windows SET used = max(0, used - ?) WHERE " + WINDOW + " AND generation = ?";
    private static final String ADD_TO_DAY = "INSERT INTO usage_days (plan_id, key_id, day, used) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (plan_id, key_id, day) DO UPDATE SET used = used + excluded.used";
    private static final String GIVE_BACK_TO_DAY =
            "UPDATE usage_days SET used = max(0, used - ?) WHERE plan_id = ? AND key_id = ? AND day = ?";

    private record Holder(String planId, String keyId) {
    }

    /**
     * Units of one window and day committed to the database and not yet handed out. Handed out without a lock
     * while {@link #checkedVersion} is still the database's commit counter; replaced under the holder's lock.
     */
    private record Block(QuotaWindow window, LocalDate day, long generation, long storedUsed, long checkedVersion,
                         AtomicLong units) {
        boolean serves(QuotaWindow window, LocalDate day) {
            return window.equals(this.window) && day.equals(this.day);
        }
    }

    /** The current block of one (plan, key) and how fast the last one went; changed under its own lock. */
    private static final class Reservation {
        volatile Block block;
        long size = 1;
        long reservedAtNanos;
    }

    private record Row(long used, long generation) {
    }

    private final SqliteDatabase database;
    private final LongSupplier nanoTime;
    private final Map<Holder, Reservation> reservations = new ConcurrentHashMap<>();

    public SqliteUsageCounter(SqliteDatabase database) {
        this(database, System::nanoTime);
    }

    /** With the monotonic time source that sizes blocks (tests drive it by hand). */
    SqliteUsageCounter(SqliteDatabase database, LongSupplier nanoTime) {
        this.database = database;
        this.nanoTime = nanoTime;
        database.beforeClose(this::giveBackAll);
    }

    @Override
    public QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        Holder holder = new Holder(planId, keyId);
        Reservation reservation = reservations.computeIfAbsent(holder, h -> new Reservation());
        Block block = reservation.block;
        if (block != null && block.serves(window, day) && block.checkedVersion() == database.changeVersion()) {
            QuotaCharge charged = handOut(block);
            if (charged != null) {
                return charged;
            }
        }
        synchronized (reservation) {
            block = reservation.block;
            if (block != null && block.serves(window, day)) {
                long version = database.changeVersion();
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

    @Override
    public long used(String planId, String keyId, QuotaWindow window) {
        Holder holder = new Holder(planId, keyId);
        Reservation reservation = reservations.get(holder);
        if (reservation == null) {
            return read(holder, window).used();
        }
        synchronized (reservation) {
            Row row = read(holder, window);
            Block block = reservation.block;
            boolean ours = block != null && window.equals(block.window()) && row.generation() == block.generation();
            return Math.max(0, row.used() - (ours ? block.units().get() : 0));
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
            database.write("set the usage of a quota window", connection -> {
                PreparedStatement set = database.prepared(connection, "INSERT INTO usage_windows "
                        + "(plan_id, key_id, window_start, window_end, used) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (plan_id, key_id, window_start, window_end) "
                        + "DO UPDATE SET used = excluded.used, generation = generation + 1");
                bindWindow(set, holder, window);
                set.setLong(5, Math.max(0, used));
                set.executeUpdate();
                if (unserved > 0) {
                    giveBackToDay(connection, holder, block.day(), unserved);
                }
                return null;
            });
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
            return readDaily(holder, from, to);
        }
        synchronized (reservation) {
            Map<LocalDate, Long> perDay = readDaily(holder, from, to);
            Block block = reservation.block;
            long unserved = block == null ? 0 : block.units().get();
            if (unserved > 0) {
                perDay.computeIfPresent(block.day(), (day, used) -> used > unserved ? used - unserved : null);
            }
            return perDay;
        }
    }

    /** Commits a new block of units to the window and day, and hands out the first; or reports the limit. */
    private QuotaCharge reserve(Holder holder, Reservation reservation, QuotaWindow window, LocalDate day,
                                long limit) {
        long now = nanoTime.getAsLong();
        long wanted = nextSize(reservation, now);
        long version = database.changeVersion();
        Row before = database.write("charge a request to a quota", connection -> {
            PreparedStatement create = database.prepared(connection, CREATE_WINDOW);
            bindWindow(create, holder, window);
            create.executeUpdate();
            Row row = select(connection, holder, window);
            long granted = granted(limit - row.used(), wanted);
            if (granted > 0) {
                PreparedStatement add = database.prepared(connection, ADD_TO_WINDOW);
                add.setLong(1, granted);
                bindWindow(add, holder, window, 2);
                add.executeUpdate();
                addToDay(connection, holder, day, granted);
            }
            return row;
        });
        long granted = granted(limit - before.used(), wanted);
        if (granted == 0) {
            return new QuotaCharge.Exhausted(before.used());
        }
        reservation.block = new Block(window, day, before.generation(), before.used() + granted, version,
                new AtomicLong(granted - 1));
        reservation.size = granted;
        reservation.reservedAtNanos = now;
        return new QuotaCharge.Charged(before.used() + 1);
    }

    /** Twice the last block when it went fast, the same when it went steadily, one unit after a quiet spell. */
    private static long nextSize(Reservation reservation, long now) {
        if (reservation.block == null) {
            return 1;
        }
        long lasted = now - reservation.reservedAtNanos;
        if (lasted < FAST_NANOS) {
            return Math.min(MAX_BLOCK, reservation.size * 2);
        }
        return lasted < QUIET_NANOS ? reservation.size : 1;
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
        Row row = read(holder, block.window());
        Block checked;
        if (row.generation() != block.generation()) {
            long unserved = block.units().getAndSet(0);
            if (unserved > 0) {
                database.write("give back reserved usage of a day", connection -> {
                    giveBackToDay(connection, holder, block.day(), unserved);
                    return null;
                });
            }
            checked = new Block(block.window(), block.day(), row.generation(), row.used(), version,
                    new AtomicLong());
        } else {
            checked = new Block(block.window(), block.day(), block.generation(), row.used(), version, block.units());
        }
        reservation.block = checked;
        return checked;
    }

    private void giveBack(Holder holder, Block block) {
        long unserved = block.units().getAndSet(0);
        if (unserved == 0) {
            return;
        }
        database.write("give back reserved usage", connection -> {
            PreparedStatement window = database.prepared(connection, GIVE_BACK_TO_WINDOW);
            window.setLong(1, unserved);
            bindWindow(window, holder, block.window(), 2);
            window.setLong(6, block.generation());
            window.executeUpdate();
            giveBackToDay(connection, holder, block.day(), unserved);
            return null;
        });
    }

    private void giveBackAll() {
        reservations.forEach((holder, reservation) -> {
            synchronized (reservation) {
                if (reservation.block != null) {
                    giveBack(holder, reservation.block);
                }
            }
        });
    }

    private void giveBackToDay(Connection connection, Holder holder, LocalDate day, long units)
            throws SQLException {
        PreparedStatement statement = database.prepared(connection, GIVE_BACK_TO_DAY);
        statement.setLong(1, units);
        statement.setString(2, holder.planId());
        statement.setString(3, holder.keyId());
        statement.setString(4, day.toString());
        statement.executeUpdate();
    }

    private void addToDay(Connection connection, Holder holder, LocalDate day, long units) throws SQLException {
        PreparedStatement statement = database.prepared(connection, ADD_TO_DAY);
        statement.setString(1, holder.planId());
        statement.setString(2, holder.keyId());
        statement.setString(3, day.toString());
        statement.setLong(4, units);
        statement.executeUpdate();
    }

    private Row read(Holder holder, QuotaWindow window) {
        return database.read("read the usage of a quota window", connection -> select(connection, holder, window));
    }

    private Row select(Connection connection, Holder holder, QuotaWindow window) throws SQLException {
        PreparedStatement statement = database.prepared(connection, SELECT_WINDOW);
        bindWindow(statement, holder, window);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? new Row(rows.getLong(1), rows.getLong(2)) : new Row(0, 0);
        }
    }

    private Map<LocalDate, Long> readDaily(Holder holder, LocalDate from, LocalDate to) {
        return database.read("read daily usage", connection -> {
            PreparedStatement statement = database.prepared(connection, "SELECT day, used FROM usage_days "
                    + "WHERE plan_id = ? AND key_id = ? AND day BETWEEN ? AND ? AND used > 0 ORDER BY day");
            statement.setString(1, holder.planId());
            statement.setString(2, holder.keyId());
            statement.setString(3, from.toString());
            statement.setString(4, to.toString());
            Map<LocalDate, Long> perDay = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    perDay.put(LocalDate.parse(rows.getString(1)), rows.getLong(2));
                }
            }
            return perDay;
        });
    }

    private static void bindWindow(PreparedStatement statement, Holder holder, QuotaWindow window)
            throws SQLException {
        bindWindow(statement, holder, window, 1);
    }

    private static void bindWindow(PreparedStatement statement, Holder holder, QuotaWindow window, int first)
            throws SQLException {
        statement.setString(first, holder.planId());
        statement.setString(first + 1, holder.keyId());
        statement.setString(first + 2, window.start().toString());
        statement.setString(first + 3, window.end().toString());
    }
}
