package dev.studentapi.controlplane.console;

import dev.studentapi.controlplane.Caller;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in memory: each under a random 256-bit id (the cookie's value), forgotten after
 * {@link #IDLE_LIMIT} without a request, as measured by the injected clock. A restart signs everyone out.
 */
final class ConsoleSessions {
    static final Duration IDLE_LIMIT = Duration.ofHours(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ConsoleSession> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for {@code caller}: its id (for the cookie) and the session. */
    Map.Entry<String, ConsoleSession> open(Caller caller) {
        Instant now = clock.instant();
        byId.values().removeIf(session -> idle(session, now));
        String id = randomToken();
        ConsoleSession session = new ConsoleSession(caller, randomToken(), now);
        byId.put(id, session);
        return Map.entry(id, session);
    }

    /** The live session under {@code id}, marked as used now; empty (and forgotten) once idle too long. */
    Optional<ConsoleSession> use(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConsoleSession live = byId.computeIfPresent(id, (key, session) -> idle(session, now) ? null : session.touchedAt(now));
        return Optional.ofNullable(live);
    }

    void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private static boolean idle(ConsoleSession session, Instant now) {
        return !now.isBefore(session.lastUsed().plus(IDLE_LIMIT));
    }

    /** 256 random bits, URL-safe Base64 without padding. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
