package dev.studentapi.core.usage;

import java.time.Duration;
import java.util.Objects;

/** Whether a token bucket let one request through, and if not, how long until it would. */
public sealed interface ThrottleDecision {

    /**
     * Let through; {@code remainingTokens} are left, and the bucket gains its next token after
     * {@code nextTokenIn} (zero when it is full).
     */
    record Allowed(long remainingTokens, Duration nextTokenIn) implements ThrottleDecision {
        public Allowed {
            Objects.requireNonNull(nextTokenIn, "nextTokenIn");
            if (remainingTokens < 0 || nextTokenIn.isNegative()) {
                throw new IllegalArgumentException("remaining tokens and the wait are not negative");
            }
        }
    }

    record Rejected(Duration retryAfter) implements ThrottleDecision {}

    /** Allowed, with no word on when the next token comes (as if it were at once). */
    static ThrottleDecision allowed(long remainingTokens) {
        return new Allowed(remainingTokens, Duration.ZERO);
    }

    static ThrottleDecision allowed(long remainingTokens, Duration nextTokenIn) {
        return new Allowed(remainingTokens, nextTokenIn);
    }

    static ThrottleDecision rejected(Duration retryAfter) {
        return new Rejected(retryAfter);
    }
}
