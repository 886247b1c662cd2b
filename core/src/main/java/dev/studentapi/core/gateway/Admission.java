package dev.studentapi.core.gateway;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's verdict on one request to the data plane, with the limits the request was measured against
 * (those looked at before a refusal, the refusing one last).
 */
public sealed interface Admission {

    /** Let through and charged to the key's plan. */
    record Admitted(String keyId, String planId, List<RateLimit> limits) implements Admission {
        public Admitted {
            limits = List.copyOf(limits);
        }

        public Admitted(String keyId, String planId) {
            this(keyId, planId, List.of());
        }
    }

    /** No key, an unknown or disabled key, or a key on no plan of this stage. */
    record Forbidden() implements Admission {}

    /** A token bucket of the key (or of the stage) is empty; a token is back after {@code retryAfter}. */
    record Throttled(String keyId, Duration retryAfter, List<RateLimit> limits) implements Admission {
        public Throttled {
            limits = List.copyOf(limits);
        }

        public Throttled(String keyId, Duration retryAfter) {
            this(keyId, retryAfter, List.of());
        }
    }

    /** The key's quota for the current window is spent; the window resets after {@code retryAfter}. */
    record QuotaExceeded(String keyId, Duration retryAfter, List<RateLimit> limits) implements Admission {
        public QuotaExceeded {
            limits = List.copyOf(limits);
        }

        public QuotaExceeded(String keyId, Duration retryAfter) {
            this(keyId, retryAfter, List.of());
        }
    }

    /** The limits the request was measured against; none for a forbidden one. */
    default List<RateLimit> limits() {
        return List.of();
    }
}
