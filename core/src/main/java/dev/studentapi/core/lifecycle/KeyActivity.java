package dev.studentapi.core.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway knows of a key beyond its AWS fields: when it was last admitted and when it expires (each
 * absent when never, or none). Times are kept to the millisecond.
 */
public record KeyActivity(String keyId, Optional<Instant> lastUsedDate, Optional<Instant> expirationDate) {
    public KeyActivity {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(lastUsedDate, "lastUsedDate");
        Objects.requireNonNull(expirationDate, "expirationDate");
    }

    public static KeyActivity none(String keyId) {
        return new KeyActivity(keyId, Optional.empty(), Optional.empty());
    }

    /** Whether the key's expiration time has come by {@code now}: from that instant on it is refused. */
    public boolean expiredAt(Instant now) {
        return expirationDate.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }
}
