package dev.studentapi.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

/**
 * One entry of the data plane's route table: a method and a path, what answers them, who may call them, the
 * largest body they take and the statuses they answer (for the OpenAPI document).
 */
record Route(HandlerType method, String path, Handler handler, Access access, long maxBodyBytes) {

    /** Whether a route is behind the gateway (a key, the throttle and the quota) or open to anyone. */
    enum Access implements RouteRole {
        API_KEY,
        OPEN
    }

    /** The largest body a route takes, carried as a role so that the body-limit before-step can read it. */
    record BodyAllowance(long maxBytes) implements RouteRole {
    }

    Route(HandlerType method, String path, Handler handler, Access access) {
        this(method, path, handler, access, BodyLimit.MAX_BODY_BYTES);
    }

    /** The roles Javalin keeps for this route: its access and its body allowance. */
    RouteRole[] roles() {
        return new RouteRole[] {access, new BodyAllowance(maxBodyBytes)};
    }

    /** A before-step that runs {@code step} for the matched routes that need a key, and skips the others. */
    static Handler keyedOnly(Handler step) {
        return ctx -> {
            if (needsKey(ctx)) {
                step.handle(ctx);
            }
        };
    }

    private static boolean needsKey(Context ctx) {
        return ctx.routeRoles().contains(Access.API_KEY);
    }

    /** The body allowance of the matched route (1 MiB unless the route says otherwise). */
    static long maxBodyBytes(Context ctx) {
        return ctx.routeRoles().stream().filter(BodyAllowance.class::isInstance).map(BodyAllowance.class::cast)
                .mapToLong(BodyAllowance::maxBytes).findFirst().orElse(BodyLimit.MAX_BODY_BYTES);
    }
}
