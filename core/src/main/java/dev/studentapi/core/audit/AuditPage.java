package dev.studentapi.core.audit;

import java.util.List;
import java.util.Optional;

/** A page of the audit log, newest first, and where the next one starts (absent on the last page). */
public record AuditPage(List<AuditEntry> entries, Optional<AuditPosition> next) {
    public AuditPage {
        entries = List.copyOf(entries);
    }

    /**
     * The page made of the first {@code limit} of {@code matching}, which holds up to one entry more when more
     * follow: then the next page starts after the last entry shown.
     */
    public static AuditPage of(List<AuditEntry> matching, int limit) {
        if (matching.size() <= limit) {
            return new AuditPage(matching, Optional.empty());
        }
        List<AuditEntry> shown = matching.subList(0, limit);
        return new AuditPage(shown, Optional.of(new AuditPosition(shown.get(limit - 1).id())));
    }
}
