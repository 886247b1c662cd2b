package dev.studentapi.controlplane;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * Who made an authenticated control-plane request: the access key id of the credential whose signature (or
 * console session) let it through. Set on the request by the authentication step, read by whatever needs to
 * know who acted (the audit log, permissions).
 */
public record Caller(String accessKeyId) {
    /** The request attribute under which the authentication step leaves the caller. */
    public static final String ATTRIBUTE = "studentapi.caller";

    public Caller {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("a caller has an access key id");
        }
    }

    /** The caller the authentication step recorded on this request, if it has run and let the request through. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }
}
