package dev.studentapi.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Named configuration variables (a process environment or a copy of one): a blank value counts as unset and
 * values are trimmed. Every reader fails with a {@link ConfigurationException} that names the variable.
 */
public final class Environment {

    private final Map<String, String> values;

    private Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The variables of {@code values}; null values are dropped. */
    public static Environment of(Map<String, String> values) {
        return new Environment(values.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The value of {@code name}, trimmed; empty when it is unset or blank. */
    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The value of {@code name}, which must be set. */
    public String required(String name) {
        return optional(name).orElseThrow(() ->
                new ConfigurationException("The environment variable " + name + " must be set"));
    }

    /** The value of {@code name}, else {@code fallback}. */
    public String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** The value of {@code name} (else {@code fallback}), which must match {@code pattern}. */
    public String matching(String name, String fallback, Pattern pattern, String expected) {
        String value = text(name, fallback);
        if (!pattern.matcher(value).matches()) {
            throw invalid(name, value, expected);
        }
        return value;
    }

    public int integer(String name, int fallback, int min, int max) {
        return parsed(name, Integer::parseInt, v -> v >= min && v <= max, "an integer from " + min + " to " + max)
                .orElse(fallback);
    }

    public long whole(String name, long fallback, long min) {
        return parsed(name, Long::parseLong, v -> v >= min, "an integer of at least " + min).orElse(fallback);
    }

    public double positiveNumber(String name, double fallback) {
        return parsed(name, Double::parseDouble, v -> v > 0 && !v.isInfinite(), "a positive number")
                .orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        return parsed(name, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(v);
        }, v -> true, "true or false").orElse(fallback);
    }

    /** The constant of {@code type} that {@code name} spells in any case, else {@code fallback}. */
    public <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
        return parsed(name, v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)), v -> true,
                "one of " + Arrays.toString(type.getEnumConstants())).orElse(fallback);
    }

    /**
     * The value of {@code name} read by {@code parse} (which refuses by throwing), when it is set.
     *
     * @param expected what a valid value is, for the message
     */
    public <T> Optional<T> parsed(String name, Function<String, T> parse, String expected) {
        return parsed(name, parse, v -> true, expected);
    }

    private <T> Optional<T> parsed(String name, Function<String, T> parse, Predicate<T> ok, String expected) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        T value;
        try {
            value = parse.apply(raw.get());
        } catch (RuntimeException e) {
            throw invalid(name, raw.get(), expected);
        }
        if (value == null || !ok.test(value)) {
            throw invalid(name, raw.get(), expected);
        }
        return Optional.of(value);
    }

    /** The refusal of {@code value} for {@code name}. */
    public static ConfigurationException invalid(String name, String value, String expected) {
        return new ConfigurationException("Invalid value for " + name + ": '" + value + "' (expected " + expected
                + ")");
    }
}
