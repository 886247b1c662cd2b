package dev.studentapi.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded change: when, who (a control-plane access key id, or {@code cli}), the operation's name, the id of
 * what it changed, and summaries of that before and after (absent before a creation and after a deletion).
 * Entry ids sort in the order the entries were recorded.
 */
public record AuditEntry(String id, Instant time, String who, String operation, String target,
                         AuditSummary before, AuditSummary after) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(target, "target");
    }

    public Optional<AuditSummary> beforeSummary() {
        return Optional.ofNullable(before);
    }

    public Optional<AuditSummary> afterSummary() {
        return Optional.ofNullable(after);
    }
}
