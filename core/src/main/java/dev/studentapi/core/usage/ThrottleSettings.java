package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

/** A token bucket: {@code burstLimit} tokens at most, refilled at {@code rateLimit} per second. */
public record ThrottleSettings(double rateLimit, int burstLimit) {
    public ThrottleSettings {
        if (!(rateLimit > 0) || Double.isInfinite(rateLimit)) {
            throw Refusal.of(RefusalCode.THROTTLE_RATE_INVALID, rateLimit);
        }
        if (burstLimit < 1) {
            throw Refusal.of(RefusalCode.THROTTLE_BURST_INVALID, burstLimit, 1);
        }
    }
}
