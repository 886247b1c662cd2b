package dev.studentapi.controlplane.console;

import java.time.Duration;
import java.util.Optional;

/**
 * A console request turned away before any operation ran, answered in the control plane's error format:
 * {@code status}, {@code x-amzn-ErrorType: errorType}, {@code x-studentapi-code: code} and {@code {"message"}}.
 */
final class ConsoleRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    private ConsoleRefused(int status, String errorType, String code, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static ConsoleRefused wrongCredentials() {
        return new ConsoleRefused(401, "UnauthorizedException", "SIGN_IN_REFUSED",
                "The access key ID or the secret access key is wrong.", Optional.empty());
    }

    static ConsoleRefused tooManySignIns(Duration retryAfter) {
        return new ConsoleRefused(429, "TooManyRequestsException", "SIGN_IN_LIMITED",
                "Too many failed sign-ins from this address. Try again in " + retryAfter.toSeconds() + " seconds.",
                Optional.of(retryAfter));
    }

    static ConsoleRefused notSignedIn() {
        return new ConsoleRefused(401, "UnauthorizedException", "SESSION_REQUIRED",
                "Not signed in, or the session has expired.", Optional.empty());
    }

    static ConsoleRefused csrfToken() {
        return new ConsoleRefused(403, "AccessDeniedException", "CSRF_TOKEN_INVALID",
                "The request's X-CSRF-Token header does not match the console session.", Optional.empty());
    }

    static ConsoleRefused foreignOrigin() {
        return new ConsoleRefused(403, "AccessDeniedException", "ORIGIN_REFUSED",
                "A change with a console session must come from the console's own origin.", Optional.empty());
    }

    static ConsoleRefused badRequest(String message) {
        return new ConsoleRefused(400, "BadRequestException", "BAD_REQUEST", message, Optional.empty());
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }

    String code() {
        return code;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
