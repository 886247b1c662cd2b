package dev.studentapi.core.audit;

/**
 * Stores the audit log: entries are only ever added, never changed. Safe for concurrent use and across
 * processes; engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public interface AuditLog {

    /** Adds the entry; an entry with the same id already stored is left as it is. */
    void append(AuditEntry entry);

    /**
     * The entries matching the query, newest (highest id) first, starting after its position, and the position
     * of the next page when more match.
     */
    AuditPage list(AuditQuery query);
}
