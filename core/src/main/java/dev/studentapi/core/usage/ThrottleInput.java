package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Optional;

/** A throttle as a caller gives it, either number possibly missing; {@link #settings()} applies the rules. */
public record ThrottleInput(Double rateLimit, Integer burstLimit) {

    public static final ThrottleInput NONE = new ThrottleInput(null, null);

    public static ThrottleInput of(ThrottleSettings settings) {
        return settings == null ? NONE : new ThrottleInput(settings.rateLimit(), settings.burstLimit());
    }

    public ThrottleInput withRateLimit(Double value) {
        return new ThrottleInput(value, burstLimit);
    }

    public ThrottleInput withBurstLimit(Integer value) {
        return new ThrottleInput(rateLimit, value);
    }

    /** No throttle when both numbers are missing; refuses one without the other (THROTTLE_INCOMPLETE). */
    public Optional<ThrottleSettings> settings() {
        if (rateLimit == null && burstLimit == null) {
            return Optional.empty();
        }
        if (rateLimit == null || burstLimit == null) {
            throw Refusal.of(RefusalCode.THROTTLE_INCOMPLETE).with("missing", rateLimit == null ? "rateLimit" : "burstLimit");
        }
        return Optional.of(new ThrottleSettings(rateLimit, burstLimit));
    }
}
