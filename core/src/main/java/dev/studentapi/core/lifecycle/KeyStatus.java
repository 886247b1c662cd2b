package dev.studentapi.core.lifecycle;

import dev.studentapi.core.apikey.ApiKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A key with what it has done and may do: last used, expiration, whether it has expired, its plans' ids. */
public record KeyStatus(ApiKey key, Optional<Instant> lastUsedDate, Optional<Instant> expirationDate,
                        boolean expired, List<String> planIds) {
    public KeyStatus {
        planIds = List.copyOf(planIds);
    }
}
