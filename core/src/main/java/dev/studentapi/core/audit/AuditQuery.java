package dev.studentapi.core.audit;

import java.util.Optional;

/** Which entries to list, newest first: optionally only one target's or one caller's, at most {@code limit}. */
public record AuditQuery(Optional<String> target, Optional<String> who, int limit, Optional<AuditPosition> after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        target = target.filter(t -> !t.isEmpty());
        who = who.filter(w -> !w.isEmpty());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ".");
        }
    }

    /** The newest {@link #DEFAULT_LIMIT} entries of every target and caller. */
    public static AuditQuery newest() {
        return new AuditQuery(Optional.empty(), Optional.empty(), DEFAULT_LIMIT, Optional.empty());
    }

    public boolean matches(AuditEntry entry) {
        return target.map(entry.target()::equals).orElse(true) && who.map(entry.who()::equals).orElse(true);
    }
}
