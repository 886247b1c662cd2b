package dev.studentapi.server.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads named configuration variables with defaults, failing with a message that names the variable. */
final class Variables {

    private final Map<String, String> values;

    Variables(Map<String, String> values) {
        this.values = values;
    }

    Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    String matching(String name, String fallback, Pattern pattern, String expected) {
        String value = text(name, fallback);
        if (!pattern.matcher(value).matches()) {
            throw invalid(name, value, expected);
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        return parsed(name, fallback, Integer::parseInt, v -> v >= min && v <= max,
                "an integer from " + min + " to " + max);
    }

    long whole(String name, long fallback, long min) {
        return parsed(name, fallback, Long::parseLong, v -> v >= min, "an integer of at least " + min);
    }

    double positiveNumber(String name, double fallback) {
        return parsed(name, fallback, Double::parseDouble, v -> v > 0 && !v.isInfinite(), "a positive number");
    }

    boolean bool(String name, boolean fallback) {
        return parsed(name, fallback, v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(v);
        }, v -> true, "true or false");
    }

    <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
        return parsed(name, fallback, v -> Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT)), v -> true,
                "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private <T> T parsed(String name, T fallback, Function<String, T> parse, java.util.function.Predicate<T> ok,
                         String expected) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        T value;
        try {
            value = parse.apply(raw.get());
        } catch (RuntimeException e) {
            throw invalid(name, raw.get(), expected);
        }
        if (!ok.test(value)) {
            throw invalid(name, raw.get(), expected);
        }
        return value;
    }

    static SettingsException invalid(String name, String value, String expected) {
        return new SettingsException("Invalid value for " + name + ": '" + value + "' (expected " + expected + ")");
    }
}
