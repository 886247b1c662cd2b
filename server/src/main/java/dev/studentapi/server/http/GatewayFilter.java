package dev.studentapi.server.http;

import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.functions.DataPlaneReplies;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The API Gateway in front of the data plane, as a before-step of the routes that need a key: checks the key,
 * throttle and quota, leaves the key's id for the access log, and answers a refusal with API Gateway's body.
 */
final class GatewayFilter {

    private final Gateway gateway;

    GatewayFilter(Gateway gateway) {
        this.gateway = gateway;
    }

    void admit(Context ctx) {
        Admission admission = gateway.admit(ctx.header("x-api-key"));
        keyId(admission).ifPresent(id -> ctx.attribute(RequestAttributes.KEY_ID, id));
        if (!(admission instanceof Admission.Admitted)) {
            JsonReplies.send(ctx, DataPlaneReplies.refusal(admission));
            ctx.skipRemainingHandlers();
        }
    }

    private static Optional<String> keyId(Admission admission) {
        if (admission instanceof Admission.Admitted admitted) {
            return Optional.of(admitted.keyId());
        }
        if (admission instanceof Admission.Throttled throttled) {
            return Optional.of(throttled.keyId());
        }
        if (admission instanceof Admission.QuotaExceeded exceeded) {
            return Optional.of(exceeded.keyId());
        }
        return Optional.empty();
    }
}
