package dev.studentapi.testkit.contract;

import dev.studentapi.core.audit.AuditEntry;
import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.core.audit.AuditPage;
import dev.studentapi.core.audit.AuditPosition;
import dev.studentapi.core.audit.AuditQuery;
import dev.studentapi.core.audit.AuditSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AuditLog} must do; extend it with a factory for the engine under test. */
public abstract class AuditLogContract {

    static final Instant START = Instant.parse("2026-12-01T10:00:00.123Z");

    private AuditLog log;

    /** A new, empty audit log of the engine under test; the subclass closes whatever it opened. */
    protected abstract AuditLog newLog();

    @BeforeEach
    void createLog() {
        log = newLog();
    }

    static AuditEntry entry(int n, String who, String operation, String target, AuditSummary before,
                            AuditSummary after) {
        Instant time = START.plusSeconds(n);
        return new AuditEntry(String.format("%013d-e%03d", time.toEpochMilli(), n), time, who, operation, target,
                before, after);
    }

    static AuditSummary summary() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "partner");
        fields.put("description", "Nguyễn's key");
        fields.put("enabled", true);
        fields.put("quotaLimit", 1000L);
        fields.put("rateLimit", 2.5);
        fields.put("planIds", List.of("p1", "p2"));
        fields.put("stages", List.of());
        return new AuditSummary(fields);
    }

    static AuditQuery query(String target, String who, int limit, AuditPosition after) {
        return new AuditQuery(Optional.ofNullable(target), Optional.ofNullable(who), limit, Optional.ofNullable(after));
    }

    @Test
    void keepsEveryFieldOfAnEntryWithItsSummaries() {
        AuditEntry entry = entry(1, "AKIAEXAMPLE", "UpdateApiKey", "k1", summary(), summary());
        AuditEntry creation = entry(2, "cli", "CreateApiKey", "k2", null, summary());

        log.append(entry);
        log.append(creation);

        assertThat(log.list(AuditQuery.newest()).entries()).containsExactly(creation, entry);
        assertThat(log.list(AuditQuery.newest()).next()).isEmpty();
    }

    @Test
    void listsNewestFirstByEntryId() {
        log.append(entry(2, "cli", "DeleteApiKey", "k1", summary(), null));
        log.append(entry(3, "cli", "CreateUsagePlan", "p1", null, summary()));
        log.append(entry(1, "cli", "CreateApiKey", "k1", null, summary()));

        assertThat(log.list(AuditQuery.newest()).entries()).extracting(AuditEntry::operation)
                .containsExactly("CreateUsagePlan", "DeleteApiKey", "CreateApiKey");
    }

    @Test
    void filtersByTargetAndByWho() {
        log.append(entry(1, "cli", "CreateApiKey", "k1", null, summary()));
        log.append(entry(2, "AKIAONE", "UpdateApiKey", "k1", summary(), summary()));
        log.append(entry(3, "AKIAONE", "CreateApiKey", "k2", null, summary()));
        log.append(entry(4, "AKIATWO", "CreateUsagePlanKey", "p1:k1", null, summary()));

        assertThat(log.list(query("k1", null, 100, null)).entries()).extracting(AuditEntry::operation)
                .containsExactly("UpdateApiKey", "CreateApiKey");
        assertThat(log.list(query(null, "AKIAONE", 100, null)).entries()).extracting(AuditEntry::target)
                .containsExactly("k2", "k1");
        assertThat(log.list(query("k1", "AKIAONE", 100, null)).entries()).extracting(AuditEntry::operation)
                .containsExactly("UpdateApiKey");
        assertThat(log.list(query("p1:k1", null, 100, null)).entries()).hasSize(1);
        assertThat(log.list(query("nothing", null, 100, null)).entries()).isEmpty();
    }

    @Test
    void pagesThroughEveryEntryOnceWithAnOpaquePosition() {
        for (int n = 1; n <= 7; n++) {
            log.append(entry(n, n % 2 == 0 ? "AKIAONE" : "cli", "UpdateApiKey", "k" + (n % 3), null, null));
        }

        List<String> seen = new ArrayList<>();
        AuditPosition position = null;
        int pages = 0;
        do {
            AuditPage page = log.list(query(null, null, 3, position));
            page.entries().forEach(e -> seen.add(e.id()));
            position = page.next().map(p -> AuditPosition.parse(p.token())).orElse(null);
            pages++;
        } while (position != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void pagesAFilteredListWithoutAnEmptyLastPage() {
        for (int n = 1; n <= 9; n++) {
            log.append(entry(n, n % 3 == 0 ? "AKIAONE" : "cli", "UpdateApiKey", "k1", null, null));
        }

        AuditPage first = log.list(query(null, "AKIAONE", 2, null));
        AuditPage second = log.list(query(null, "AKIAONE", 2, first.next().orElseThrow()));

        assertThat(first.entries()).extracting(AuditEntry::time)
                .containsExactly(START.plusSeconds(9), START.plusSeconds(6));
        assertThat(second.entries()).extracting(AuditEntry::time).containsExactly(START.plusSeconds(3));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void appendingTheSameEntryTwiceKeepsOne() {
        AuditEntry entry = entry(1, "cli", "CreateApiKey", "k1", null, summary());

        log.append(entry);
        log.append(entry);

        assertThat(log.list(AuditQuery.newest()).entries()).containsExactly(entry);
    }
}
