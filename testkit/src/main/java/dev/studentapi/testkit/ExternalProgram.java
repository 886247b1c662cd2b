package dev.studentapi.testkit;

import org.junit.jupiter.api.Assumptions;

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
        String message = program + " is not available (" + howToGetIt + ")";
        if (!available) {
            if (required()) {
                throw new AssertionError(message + "; -Dit.required=true makes this a failure");
            }
            Assumptions.abort(message + "; skipping. Set -Dit.required=true to make this a failure.");
        }
    }
}
