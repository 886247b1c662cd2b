package dev.studentapi.controlplane;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The before-handler that lets a request through to the routes only when its SigV4 signature verifies, or when
 * an earlier step (the console's session) has already attached its {@link Caller}.
 */
final class SignatureFilter implements Handler {
    private final SigV4Verifier verifier;
    /** Paths answered without a signature: the operator's metrics and health checks. */
    private final Set<String> unsignedPaths;

    SignatureFilter(SigV4Verifier verifier) {
        this(verifier, Set.of());
    }

    SignatureFilter(SigV4Verifier verifier, Set<String> unsignedPaths) {
        this.verifier = verifier;
        this.unsignedPaths = Set.copyOf(unsignedPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (unsignedPaths.contains(ctx.path())) {
            return;
        }
        ctx.header("x-amzn-RequestId", UUID.randomUUID().toString());
        if (Caller.of(ctx).isPresent()) {
            return; // a console session (with its CSRF token) already authenticated the request
        }
        SignatureCheck check = verifier.verify(request(ctx));
        if (check instanceof SignatureCheck.Refused refused) {
            throw new SignatureRefused(refused);
        }
        new Caller(((SignatureCheck.Accepted) check).accessKeyId()).attachTo(ctx);
    }

    private static VerifiableRequest request(Context ctx) {
        HttpServletRequest req = ctx.req();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return new VerifiableRequest(req.getMethod(), req.getRequestURI(), req.getQueryString(), headers,
                ctx.bodyAsBytes());
    }
}
