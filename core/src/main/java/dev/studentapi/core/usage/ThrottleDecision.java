package dev.studentapi.core.usage;

import java.time.Duration;

/** Whether a token bucket let one request through, and if not, how long until it would. */
public sealed interface ThrottleDecision {

    record Allowed(long remainingTokens) implements ThrottleDecision {}

    record Rejected(Duration retryAfter) implements ThrottleDecision {}

    static ThrottleDecision allowed(long remainingTokens) {
        return new Allowed(remainingTokens);
    }

    static ThrottleDecision rejected(Duration retryAfter) {
        return new Rejected(retryAfter);
    }
}
