package dev.studentapi.controlplane.console;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * The console's session cookie: {@code HttpOnly; SameSite=Strict; Path=/}, plus {@code Secure} when the request
 * came over https or the product is published over https. It lasts as long as the browser session; the server
 * forgets the session after its idle limit.
 */
final class SessionCookie {
    static final String NAME = "studentapi_console";

    private final ConsoleOptions options;

    SessionCookie(ConsoleOptions options) {
        this.options = options;
    }

    static Optional<String> of(Context ctx) {
        return Optional.ofNullable(ctx.cookie(NAME)).filter(value -> !value.isEmpty());
    }

    void set(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + sessionId + attributes(ctx));
    }

    void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=; Max-Age=0" + attributes(ctx));
    }

    private String attributes(Context ctx) {
        boolean secure = options.alwaysSecureCookie() || "https".equalsIgnoreCase(ctx.scheme());
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
