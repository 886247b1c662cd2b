package dev.studentapi.testkit.fake;

import dev.studentapi.core.audit.AuditEntry;
import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.core.audit.AuditPage;
import dev.studentapi.core.audit.AuditQuery;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** An audit log in memory, for tests; safe for concurrent use. */
public final class InMemoryAuditLog implements AuditLog {

    private final ConcurrentSkipListMap<String, AuditEntry> entries =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());

    @Override
    public void append(AuditEntry entry) {
        entries.putIfAbsent(entry.id(), entry);
    }

    @Override
    public AuditPage list(AuditQuery query) {
        var from = query.after().map(p -> entries.tailMap(p.entryId(), false)).orElse(entries);
        List<AuditEntry> matching = from.values().stream().filter(query::matches).limit(query.limit() + 1L).toList();
        return AuditPage.of(matching, query.limit());
    }
}
