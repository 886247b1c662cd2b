package dev.studentapi.controlplane.console;

import dev.studentapi.core.abuse.FailedAttempts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;

/**
 * The operators' console on the control-plane port: its files at {@code /console/} and its session routes,
 * both without authentication, and the session step that lets a signed-in console call the control plane's
 * own operations (which then act for the session's caller, exactly as for a SigV4 signature).
 */
public final class Console {
    static final String PATH = "/console";

    private final ConsoleAssets assets = new ConsoleAssets();
    private final SessionStep step;
    private final SessionRoutes sessionRoutes;

    private Console(SessionStep step, SessionRoutes sessionRoutes) {
        this.step = step;
        this.sessionRoutes = sessionRoutes;
    }

    public static Console create(ConsoleCredentials credentials, ConsoleOptions options, Clock clock) {
        ConsoleSessions sessions = new ConsoleSessions(clock);
        SessionCookie cookie = new SessionCookie(options);
        SessionStep step = new SessionStep(sessions, cookie, options);
        return new Console(step, new SessionRoutes(credentials, sessions, cookie,
                FailedAttempts.perMinute(SessionRoutes.SIGN_IN_FAILURE_LIMIT, clock), step));
    }

    /** The console's files and session routes, which need no signature: the page must load to sign in. */
    public static boolean servesWithoutAuthentication(Context ctx) {
        String path = ctx.path();
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** Registers the session step (before the signature check) and the console's own routes. */
    public void register(RoutesConfig routes) {
        routes.before(step);
        routes.post(PATH + "/session", sessionRoutes::signIn);
        routes.get(PATH + "/session", sessionRoutes::current);
        routes.delete(PATH + "/session", sessionRoutes::signOut);
        routes.get(PATH, assets::handle);
        routes.get(PATH + "/*", assets::handle);
        routes.exception(ConsoleRefused.class, ConsoleJson::refuse);
    }
}
