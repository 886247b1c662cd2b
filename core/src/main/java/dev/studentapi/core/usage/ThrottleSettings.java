package dev.studentapi.core.usage;

/** A token bucket: {@code burstLimit} tokens at most, refilled at {@code rateLimit} per second. */
public record ThrottleSettings(double rateLimit, int burstLimit) {
    public ThrottleSettings {
        if (!(rateLimit > 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("rateLimit must be a positive number");
        }
        if (burstLimit < 1) {
            throw new IllegalArgumentException("burstLimit must be at least 1");
        }
    }
}
