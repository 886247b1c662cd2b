package dev.studentapi.controlplane.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.controlplane.Caller;
import dev.studentapi.core.abuse.FailedAttempts;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /console/session} signs in with a control-plane credential pair (at most
 * {@link #SIGN_IN_FAILURE_LIMIT} failures per minute from one client address), {@code GET} tells the page
 * whether it is signed in, {@code DELETE} signs out. Neither the secret nor the session id is ever logged.
 */
final class SessionRoutes {
    static final int SIGN_IN_FAILURE_LIMIT = 5;

    private final ConsoleCredentials credentials;
    private final ConsoleSessions sessions;
    private final SessionCookie cookie;
    private final FailedAttempts failures;
    private final SessionStep step;

    SessionRoutes(ConsoleCredentials credentials, ConsoleSessions sessions, SessionCookie cookie,
                  FailedAttempts failures, SessionStep step) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.cookie = cookie;
        this.failures = failures;
        this.step = step;
    }

    void signIn(Context ctx) {
        String address = ctx.ip();
        Optional<Duration> wait = failures.refusal(address);
        if (wait.isPresent()) {
            throw ConsoleRefused.tooManySignIns(wait.get());
        }
        step.requireOwnOrigin(ctx);
        JsonNode body = ConsoleJson.object(ctx);
        Optional<Caller> caller = credentials.signIn(ConsoleJson.field(body, "accessKeyId"),
                ConsoleJson.field(body, "secretAccessKey"));
        if (caller.isEmpty()) {
            failures.failed(address);
            throw ConsoleRefused.wrongCredentials();
        }
        failures.succeeded(address);
        SessionCookie.of(ctx).ifPresent(sessions::close);
        Map.Entry<String, ConsoleSession> opened = sessions.open(caller.get());
        cookie.set(ctx, opened.getKey());
        answer(ctx, 200, opened.getValue().view());
    }

    void current(Context ctx) {
        ConsoleSession session = SessionCookie.of(ctx).flatMap(sessions::use)
                .orElseThrow(ConsoleRefused::notSignedIn);
        answer(ctx, 200, session.view());
    }

    /** Signs out: a live session is ended only by a request carrying its token; the cookie is cleared always. */
    void signOut(Context ctx) {
        Optional<String> id = SessionCookie.of(ctx);
        Optional<ConsoleSession> session = id.flatMap(sessions::use);
        if (session.isPresent()) {
            step.requireToken(ctx, session.get());
            step.requireOwnOrigin(ctx);
            sessions.close(id.get());
        }
        cookie.clear(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.status(204);
    }

    private static void answer(Context ctx, int status, Object body) {
        ctx.header("Cache-Control", "no-store");
        ConsoleJson.respond(ctx, status, body);
    }
}
