package dev.studentapi.core.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed attempts (a wrong API key, a wrong console secret) counted per client address over a sliding window:
 * once an address has failed {@code limit} times within the window, it is refused until its oldest failure in
 * the window has aged out. Other addresses are never affected. Memory stays bounded: addresses whose failures
 * have all aged out are forgotten, and at most {@code maxAddresses} are tracked (the least recent go first).
 */
public final class FailedAttempts {
    private final int limit;
    private final Duration window;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailedAttempts(int limit, Duration window, int maxAddresses, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("the failure limit must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the failure window must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.maxAddresses = Math.max(1, maxAddresses);
        this.clock = clock;
    }

    /** {@code limit} failures per minute, tracking up to 100,000 addresses. */
    public static FailedAttempts perMinute(int limit, Clock clock) {
        return new FailedAttempts(limit, Duration.ofMinutes(1), 100_000, clock);
    }

    public int limit() {
        return limit;
    }

    /**
     * When {@code address} has used up its failures: how long until it may try again (at least one second,
     * rounded up, as {@code Retry-After} wants). Empty while it may still try.
     */
    public Optional<Duration> refusal(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (times) {
            forgetOld(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return Optional.of(Duration.ofSeconds(seconds));
        }
    }

    /** Counts one failure of {@code address}. */
    public void failed(String address) {
        Instant now = clock.instant();
        if (!failures.containsKey(address) && failures.size() >= maxAddresses) {
            sweep(now);
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.pollFirst();
            }
        }
    }

    /** Forgets the failures of {@code address} (say, after it signed in correctly). */
    public void succeeded(String address) {
        failures.remove(address);
    }

    /** How many addresses are being tracked (for tests and metrics). */
    public int trackedAddresses() {
        return failures.size();
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.pollFirst();
        }
    }

    private void sweep(Instant now) {
        Instant oldestKept = null;
        String oldestAddress = null;
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Deque<Instant>> entry = it.next();
            Deque<Instant> times = entry.getValue();
            synchronized (times) {
                forgetOld(times, now);
                if (times.isEmpty()) {
                    it.remove();
                } else if (oldestKept == null || times.peekLast().isBefore(oldestKept)) {
                    oldestKept = times.peekLast();
                    oldestAddress = entry.getKey();
                }
            }
        }
        if (failures.size() >= maxAddresses && oldestAddress != null) {
            failures.remove(oldestAddress);
        }
    }
}
