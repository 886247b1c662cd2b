package dev.studentapi.core.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway knows of a key's use beyond its AWS fields: when it was last admitted (absent when never),
 * kept to the millisecond. A key's expiration is part of the key itself ({@code ApiKey.expiration()}).
 */
public record KeyActivity(String keyId, Optional<Instant> lastUsedDate) {
    public KeyActivity {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(lastUsedDate, "lastUsedDate");
    }

    public static KeyActivity none(String keyId) {
        return new KeyActivity(keyId, Optional.empty());
    }
}
