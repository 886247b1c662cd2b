package dev.studentapi.server.http;

import dev.studentapi.core.abuse.FailedAttempts;

import java.time.Clock;
import java.util.List;

/**
 * Failed key attempts counted per client address ({@code AUTH_FAILURE_LIMIT} a minute): past the limit an address
 * is refused before its key is looked up; other addresses, and their valid keys, are never affected.
 */
public final class KeyAttempts {

    private final FailedAttempts failures;
    private final ClientAddress addresses;

    public KeyAttempts(int limitPerMinute, List<String> trustedProxies, Clock clock) {
        this.failures = FailedAttempts.perMinute(limitPerMinute, clock);
        this.addresses = new ClientAddress(trustedProxies);
    }

    FailedAttempts failures() {
        return failures;
    }

    ClientAddress addresses() {
        return addresses;
    }
}
