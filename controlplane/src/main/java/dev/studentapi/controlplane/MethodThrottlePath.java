package dev.studentapi.controlplane;

import dev.studentapi.core.usage.ApiStage;

import java.util.Optional;

/**
 * A patch path into a plan stage's method throttles, as API Gateway writes it:
 * {@code /apiStages/{apiId}:{stage}/throttle} (all of them), {@code .../throttle/{resourcePath}/{httpMethod}}
 * (one method) and {@code .../throttle/{resourcePath}/{httpMethod}/rateLimit} or {@code /burstLimit} (one number).
 * The method key may be written plainly ({@code throttle//students/GET}) or JSON-pointer escaped
 * ({@code throttle/~1students~1GET}).
 *
 * @param methodKey empty for the whole map
 * @param field {@code rateLimit}, {@code burstLimit}, or empty for the whole method
 */
record MethodThrottlePath(ApiStage stage, Optional<String> methodKey, Optional<String> field) {

    private static final String PREFIX = "/apiStages/";
    private static final String THROTTLE = "/throttle";

    /** The path read, or empty when it does not point into an API stage's throttles. */
    static Optional<MethodThrottlePath> parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int throttle = rest.indexOf(THROTTLE);
        if (throttle < 0) {
            return Optional.empty();
        }
        ApiStage stage = ApiStage.parse(rest.substring(0, throttle));
        String below = rest.substring(throttle + THROTTLE.length());
        if (below.isEmpty()) {
            return Optional.of(new MethodThrottlePath(stage, Optional.empty(), Optional.empty()));
        }
        if (!below.startsWith("/") || below.length() == 1) {
            return Optional.empty();
        }
        String method = below.substring(1);
        Optional<String> field = Optional.empty();
        for (String number : new String[] {"rateLimit", "burstLimit"}) {
            if (method.endsWith("/" + number)) {
                field = Optional.of(number);
                method = method.substring(0, method.length() - number.length() - 1);
            }
        }
        return Optional.of(new MethodThrottlePath(stage, Optional.of(unescaped(method)), field));
    }

    /** JSON pointer's escapes undone: {@code ~1} is a slash, {@code ~0} a tilde. */
    private static String unescaped(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
