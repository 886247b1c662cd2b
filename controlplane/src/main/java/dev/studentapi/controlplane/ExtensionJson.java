package dev.studentapi.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.studentapi.core.audit.AuditEntry;
import dev.studentapi.core.audit.AuditPage;
import dev.studentapi.core.audit.AuditPosition;
import dev.studentapi.core.audit.AuditSummary;
import dev.studentapi.core.lifecycle.KeyStatus;
import dev.studentapi.core.lifecycle.RotatedKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON of the {@code /studentapi/...} routes, which AWS does not have; times are epoch seconds. */
final class ExtensionJson {
    private ExtensionJson() {
    }

    /** A key's status: last used and expiration are absent when never, or none. */
    record KeyStatusJson(String id, Long lastUsedDate, Long expirationDate, boolean expired, List<String> planIds) {
        static KeyStatusJson of(KeyStatus status) {
            return new KeyStatusJson(status.key().id(), status.lastUsedDate().map(ExtensionJson::seconds).orElse(null),
                    status.expirationDate().map(ExtensionJson::seconds).orElse(null), status.expired(),
                    status.planIds());
        }
    }

    record KeyStatusesJson(List<KeyStatusJson> items) {}

    record RotatedKeyJson(Representations.ApiKeyJson apiKey, List<String> planIds, String replaces) {
        static RotatedKeyJson of(RotatedKey rotated) {
            return new RotatedKeyJson(Representations.ApiKeyJson.withValue(rotated.replacement().key(),
                    rotated.replacement().value()), rotated.planIds(), rotated.replaces());
        }
    }

    /** An audit entry; {@code before} and {@code after} are written as {@code null} when absent. */
    record AuditEntryJson(String id, long time, String who, String operation, String target,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> before,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> after) {
        static AuditEntryJson of(AuditEntry entry) {
            return new AuditEntryJson(entry.id(), seconds(entry.time()), entry.who(), entry.operation(),
                    entry.target(), entry.beforeSummary().map(AuditSummary::fields).orElse(null),
                    entry.afterSummary().map(AuditSummary::fields).orElse(null));
        }
    }

    /** A page of the audit log; {@code position} is present when there is a next page. */
    record AuditPageJson(List<AuditEntryJson> items, String position) {
        static AuditPageJson of(AuditPage page) {
            return new AuditPageJson(page.entries().stream().map(AuditEntryJson::of).toList(),
                    page.next().map(AuditPosition::token).orElse(null));
        }
    }

    static long seconds(Instant time) {
        return time.getEpochSecond();
    }
}
