package dev.studentapi.redis;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage counts in Redis, shared by every instance that uses the same key prefix. Safe for concurrent use
 * across threads and processes: a charge is one Lua script, so the limit check, the window count and the day
 * count change together or not at all. A window's count expires a day after the window ends (or, for a window
 * already over, a day after it was written, by Redis's clock); day counts expire 400 days after their last
 * charge. Redis failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class RedisUsageCounter implements UsageCounter {

    static final Duration WINDOW_MARGIN = Duration.ofDays(1);
    static final Duration DAY_RETENTION = Duration.ofDays(400);
    private static final int DAYS_PER_READ = 400;

    /** Lua: sets KEYS[1] to expire at ARGV[2] ms, but no sooner than ARGV[3] ms from Redis's now. */
    private static final String EXPIRE_WINDOW = """
            local function expireWindow(key, endMillis, marginMillis)
              local now = redis.call('TIME')
              local nowMillis = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
              local at = math.max(tonumber(endMillis), nowMillis + tonumber(marginMillis))
              redis.call('PEXPIREAT', key, string.format('%.0f', at))
            end
            """;

    /** KEYS: window, day. ARGV: limit, window end + margin (ms), margin (ms), day retention (s). */
    private static final LuaScript CHARGE = LuaScript.of(EXPIRE_WINDOW + """
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            if used >= tonumber(ARGV[1]) then
              return {0, used}
            end
            used = redis.call('INCR', KEYS[1])
            expireWindow(KEYS[1], ARGV[2], ARGV[3])
            redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            return {1, used}
            """);

    /** KEYS: window. ARGV: count, window end + margin (ms), margin (ms). */
    private static final LuaScript SET = LuaScript.of(EXPIRE_WINDOW + """
            redis.call('SET', KEYS[1], ARGV[1])
            expireWindow(KEYS[1], ARGV[2], ARGV[3])
            return 1
            """);

    private final RedisConnection redis;
    private final RedisKeys keys;

    /** Counts under {@code keyPrefix} (e.g. {@code "studentapi:"}) on the shared connection. */
    public RedisUsageCounter(RedisConnection redis, String keyPrefix) {
        this.redis = redis;
        this.keys = new RedisKeys(keyPrefix);
    }

    @Override
    public QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        String[] scriptKeys = {keys.window(planId, keyId, window), keys.day(planId, keyId, day)};
        List<Object> result = redis.call(commands -> CHARGE.run(commands, ScriptOutputType.MULTI, scriptKeys,
                bytes(limit), bytes(expiresAt(window)), bytes(WINDOW_MARGIN.toMillis()),
                bytes(DAY_RETENTION.toSeconds())));
        long used = (Long) result.get(1);
        return (Long) result.get(0) == 1L ? new QuotaCharge.Charged(used) : new QuotaCharge.Exhausted(used);
    }

    @Override
    public long used(String planId, String keyId, QuotaWindow window) {
        return count(redis.call(commands -> commands.get(keys.window(planId, keyId, window))));
    }

    @Override
    public void setUsed(String planId, String keyId, QuotaWindow window, long used) {
        String[] scriptKeys = {keys.window(planId, keyId, window)};
        redis.call(commands -> SET.<Long>run(commands, ScriptOutputType.INTEGER, scriptKeys,
                bytes(Math.max(0, used)), bytes(expiresAt(window)), bytes(WINDOW_MARGIN.toMillis())));
    }

    /** Reads the day counts in batches of {@value #DAYS_PER_READ} days; the cost grows with the range. */
    @Override
    public Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        LocalDate batchStart = from;
        while (!batchStart.isAfter(to)) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = batchStart; !d.isAfter(to) && days.size() < DAYS_PER_READ; d = d.plusDays(1)) {
                days.add(d);
            }
            String[] dayKeys = days.stream().map(d -> keys.day(planId, keyId, d)).toArray(String[]::new);
            List<KeyValue<String, byte[]>> values = redis.call(commands -> commands.mget(dayKeys));
            for (int i = 0; i < days.size(); i++) {
                long count = values.get(i).hasValue() ? count(values.get(i).getValue()) : 0;
                if (count > 0) {
                    perDay.put(days.get(i), count);
                }
            }
            batchStart = days.get(days.size() - 1).plusDays(1);
        }
        return perDay;
    }

    private static long expiresAt(QuotaWindow window) {
        return window.endInstant().plus(WINDOW_MARGIN).toEpochMilli();
    }

    private static byte[] bytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static long count(byte[] value) {
        return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }
}
