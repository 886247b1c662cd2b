package dev.studentapi.core.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small description of a resource's state before or after a change: named fields whose values are text,
 * booleans, whole or decimal numbers, or lists of text. It never holds a key value, a hash of one or a secret:
 * the summaries are built only by {@link AuditSummaries} from chosen fields, and a field named like a value,
 * hash or secret is refused here, whoever builds it.
 */
public record AuditSummary(Map<String, Object> fields) {

    /** Field names that could only hold what an audit log must never show. */
    private static final Set<String> FORBIDDEN = Set.of("value", "valuehash", "hash", "secret", "secretaccesskey",
            "password", "token", "sessiontoken", "apikeyvalue");

    public AuditSummary {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (FORBIDDEN.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("an audit summary never holds a field named " + name);
            }
            copy.put(name, checked(name, value));
        });
        fields = Collections.unmodifiableMap(copy);
    }

    /** This summary with one more field (or {@code name} replaced), under the same rules. */
    public AuditSummary with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new AuditSummary(more);
    }

    private static Object checked(String name, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return List.copyOf(list);
        }
        throw new IllegalArgumentException("audit summary field " + name + " has a value of an unsupported type");
    }
}
