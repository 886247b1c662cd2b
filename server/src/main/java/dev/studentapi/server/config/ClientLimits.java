package dev.studentapi.server.config;

import java.time.Duration;
import java.util.List;

/**
 * What the data plane allows one client: failed key attempts per minute per address ({@code AUTH_FAILURE_LIMIT}),
 * the proxies whose {@code X-Forwarded-For} names the client ({@code TRUSTED_PROXIES}), the time to send complete
 * headers ({@code HEADER_TIMEOUT}), the idle time of a kept-alive connection, and the open connections above
 * which new ones are refused ({@code MAX_CONNECTIONS}).
 */
public record ClientLimits(int authFailureLimit, List<String> trustedProxies, Duration headerTimeout,
                           Duration idleTimeout, int maxConnections) {

    public static final int DEFAULT_AUTH_FAILURE_LIMIT = 60;
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    public ClientLimits {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** The defaults: 60 failures a minute, no trusted proxy, 10 s for headers, 30 s idle, 10,000 connections. */
    public static ClientLimits defaults() {
        return new ClientLimits(DEFAULT_AUTH_FAILURE_LIMIT, List.of(), DEFAULT_HEADER_TIMEOUT, IDLE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS);
    }
}
