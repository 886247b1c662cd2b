package dev.studentapi.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request that a rule of the core refuses: a {@link RefusalCode}, the offending value and the limit it broke
 * where there is one, and the ids it concerns. Its message is a developer's default; each entry point words it.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RefusalCode code;
    private final String value;
    private final Long limit;
    private final Map<String, String> details;

    private Refusal(RefusalCode code, String value, Long limit, Map<String, String> details) {
        super(describe(code, value, limit, details), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.value = value;
        this.limit = limit;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Refusal of(RefusalCode code) {
        return new Refusal(code, null, null, Map.of());
    }

    public static Refusal of(RefusalCode code, Object value) {
        return new Refusal(code, value == null ? null : value.toString(), null, Map.of());
    }

    public static Refusal of(RefusalCode code, Object value, long limit) {
        return new Refusal(code, value == null ? null : value.toString(), limit, Map.of());
    }

    /** This refusal with one more id or value it concerns, such as {@code planId}. */
    public Refusal with(String name, Object detail) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(name, String.valueOf(detail));
        return new Refusal(code, value, limit, more);
    }

    public RefusalCode code() {
        return code;
    }

    public RefusalCode.Kind kind() {
        return code.kind();
    }

    /** The value that broke the rule, as given; never a secret such as a key value. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** A named detail ({@code planId}, {@code stage}, {@code period}), empty when this refusal has none. */
    public String detail(String name) {
        return details.getOrDefault(name, "");
    }

    public Map<String, String> details() {
        return details;
    }

    private static String describe(RefusalCode code, String value, Long limit, Map<String, String> details) {
        StringBuilder text = new StringBuilder(code.name());
        if (value != null) {
            text.append(" value=").append(value);
        }
        if (limit != null) {
            text.append(" limit=").append(limit);
        }
        details.forEach((name, detail) -> text.append(' ').append(name).append('=').append(detail));
        return text.toString();
    }
}
