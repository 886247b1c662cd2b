package dev.studentapi.testkit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * Guards tests that need a program outside the JVM (Redis, moto_server, chromium). When it is missing the
 * test is skipped with a clear message, unless {@code -Dit.required=true}: then it fails.
 */
public final class ExternalProgram {
    private ExternalProgram() {
    }

    public static boolean required() {
        return Boolean.getBoolean("it.required");
    }

    /** Skips (or, with it.required, fails) the current test when {@code available} is false. */
    public static void require(String program, boolean available, String howToGetIt) {
        if (!available) {
            if (required()) {
                throw new AssertionError(missing(program, howToGetIt) + "; -Dit.required=true makes this a failure");
            }
            Assumptions.abort(skipping(program, howToGetIt));
        }
    }

    /**
     * Whether a test class may run: disabled with the reason when the program is missing, unless
     * {@code -Dit.required=true} (then it runs, and {@link #require} fails it). Reports show such a class's
     * tests as skipped with that reason, which a class-level assumption would not.
     */
    public static ConditionEvaluationResult availability(String program, boolean available, String howToGetIt) {
        if (available) {
            return ConditionEvaluationResult.enabled(program + " is available");
        }
        return required() ? ConditionEvaluationResult.enabled(missing(program, howToGetIt) + ", and required")
                : ConditionEvaluationResult.disabled(skipping(program, howToGetIt));
    }

    private static String missing(String program, String howToGetIt) {
        return program + " is not available (" + howToGetIt + ")";
    }

    private static String skipping(String program, String howToGetIt) {
        return missing(program, howToGetIt) + "; skipping. Set -Dit.required=true to make this a failure.";
    }
}
