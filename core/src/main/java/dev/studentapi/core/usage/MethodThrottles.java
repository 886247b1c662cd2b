package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A usage plan's throttles of single methods on one API stage, keyed as API Gateway writes them,
 * {@code {resourcePath}/{httpMethod}} ({@code /students/GET}, {@code //GET} for the stage root); the key
 * {@value #ALL_METHODS} gives every method without a throttle of its own one of the same numbers.
 */
public record MethodThrottles(Map<String, ThrottleSettings> byMethod) {

    /** The key of the throttle that applies to each method without its own. */
    public static final String ALL_METHODS = "/*/*";

    public static final MethodThrottles NONE = new MethodThrottles(Map.of());

    private static final Pattern KEY = Pattern.compile("/[^\\s]*/(DELETE|GET|HEAD|OPTIONS|PATCH|POST|PUT|\\*)");

    public MethodThrottles {
        TreeMap<String, ThrottleSettings> sorted = new TreeMap<>();
        byMethod.forEach((key, settings) -> sorted.put(checkedKey(key), Objects.requireNonNull(settings)));
        byMethod = Collections.unmodifiableMap(sorted);
    }

    /** The key of a method of a resource: {@code /students/{studentid}} and {@code get} give {@code /students/{studentid}/GET}. */
    public static String key(String resourcePath, String httpMethod) {
        return resourcePath + "/" + httpMethod.toUpperCase(Locale.ROOT);
    }

    /** The key as given; refuses one not written {@code {resourcePath}/{httpMethod}} with METHOD_THROTTLE_KEY_INVALID. */
    public static String checkedKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw Refusal.of(RefusalCode.METHOD_THROTTLE_KEY_INVALID, key);
        }
        return key;
    }

    /** The throttle of the method with this key: its own, else the one for all methods, else none. */
    public Optional<ThrottleSettings> forMethod(String methodKey) {
        ThrottleSettings own = byMethod.get(methodKey);
        return Optional.ofNullable(own != null ? own : byMethod.get(ALL_METHODS));
    }

    public boolean isEmpty() {
        return byMethod.isEmpty();
    }
}
