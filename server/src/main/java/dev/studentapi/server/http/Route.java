package dev.studentapi.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

/** One entry of the data plane's route table: a method and a path, what answers them, and who may call them. */
record Route(HandlerType method, String path, Handler handler, Access access) {

    /** Whether a route is behind the gateway (a key, the throttle and the quota) or open to anyone. */
    enum Access implements RouteRole {
        API_KEY,
        OPEN
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
}
