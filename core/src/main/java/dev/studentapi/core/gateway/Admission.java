package dev.studentapi.core.gateway;

import java.time.Duration;

/** The gateway's verdict on one request to the data plane. */
public sealed interface Admission {

    /** Let through and charged to the key's plan. */
    record Admitted(String keyId, String planId) implements Admission {}

    /** No key, an unknown or disabled key, or a key on no plan of this stage. */
    record Forbidden() implements Admission {}

    /** The key's token bucket is empty; a token is back after {@code retryAfter}. */
    record Throttled(String keyId, Duration retryAfter) implements Admission {}

    /** The key's quota for the current window is spent; the window resets after {@code retryAfter}. */
    record QuotaExceeded(String keyId, Duration retryAfter) implements Admission {}
}
