package dev.studentapi.controlplane.console;

import dev.studentapi.controlplane.Caller;

import java.time.Instant;

/** A signed-in console: who it acts as, the token its changing requests must carry, when it was last used. */
record ConsoleSession(Caller caller, String csrfToken, Instant lastUsed) {

    ConsoleSession touchedAt(Instant now) {
        return new ConsoleSession(caller, csrfToken, now);
    }

    /** What the console is told about its own session (never the session id, which lives in the cookie only). */
    record View(String accessKeyId, String csrfToken) {
    }

    View view() {
        return new View(caller.accessKeyId(), csrfToken);
    }
}
