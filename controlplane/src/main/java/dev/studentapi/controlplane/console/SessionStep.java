package dev.studentapi.controlplane.console;

import dev.studentapi.controlplane.Caller;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The before-step that lets a console request act: with a session cookie it requires the session to be live,
 * {@code X-CSRF-Token} to match the session's token and, for a change (POST, PUT, PATCH, DELETE), an
 * {@code Origin} that is the console's own or none; then it attaches the session's {@link Caller}, so the
 * signature check is skipped and everything downstream sees who acted. A request with an
 * {@code Authorization} header (SigV4) and no session is left to the signature check.
 */
final class SessionStep implements Handler {
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ConsoleSessions sessions;
    private final SessionCookie cookie;
    private final ConsoleOptions options;

    SessionStep(ConsoleSessions sessions, SessionCookie cookie, ConsoleOptions options) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.options = options;
    }

    @Override
    public void handle(Context ctx) {
        if (Console.servesWithoutAuthentication(ctx)) {
            return;
        }
        Optional<String> id = SessionCookie.of(ctx);
        if (id.isEmpty()) {
            return;
        }
        Optional<ConsoleSession> session = sessions.use(id.get());
        if (session.isEmpty()) {
            if (ctx.header("Authorization") != null) {
                return;
            }
            cookie.clear(ctx);
            throw ConsoleRefused.notSignedIn();
        }
        requireToken(ctx, session.get());
        requireOwnOrigin(ctx);
        ctx.attribute(Caller.ATTRIBUTE, session.get().caller());
    }

    void requireToken(Context ctx, ConsoleSession session) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw ConsoleRefused.csrfToken();
        }
    }

    /** A change must come from the console's own origin (the scheme and host it was served from), or say none. */
    void requireOwnOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !CHANGES.contains(ctx.method().name())) {
            return;
        }
        String host = ctx.header("Host");
        boolean own = host != null && (origin.equalsIgnoreCase(ctx.scheme() + "://" + host)
                || options.alwaysSecureCookie() && origin.equalsIgnoreCase("https://" + host));
        if (!own) {
            throw ConsoleRefused.foreignOrigin();
        }
    }
}
