package dev.studentapi.server.http;

import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.Gateway;
import io.javalin.http.Context;

import java.time.Duration;

/**
 * The API Gateway in front of the data plane: checks the key, throttle and quota before a route runs, and
 * answers refusals with API Gateway's bodies and {@code x-amzn-ErrorType} headers plus {@code Retry-After}.
 */
final class GatewayFilter {

    private final Gateway gateway;

    GatewayFilter(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Returns true when the request may go on; otherwise the refusal has been written. */
    boolean admit(Context ctx) {
        Admission admission = gateway.admit(ctx.header("x-api-key"));
        if (admission instanceof Admission.Admitted admitted) {
            ctx.attribute(RequestAttributes.KEY_ID, admitted.keyId());
            return true;
        }
        if (admission instanceof Admission.Throttled throttled) {
            ctx.attribute(RequestAttributes.KEY_ID, throttled.keyId());
            retryAfter(ctx, throttled.retryAfter());
            JsonReplies.gatewayError(ctx, 429, "TooManyRequestsException", "Too Many Requests");
        } else if (admission instanceof Admission.QuotaExceeded exceeded) {
            ctx.attribute(RequestAttributes.KEY_ID, exceeded.keyId());
            retryAfter(ctx, exceeded.retryAfter());
            JsonReplies.gatewayError(ctx, 429, "LimitExceededException", "Limit Exceeded");
        } else {
            JsonReplies.gatewayError(ctx, 403, "ForbiddenException", "Forbidden");
        }
        return false;
    }

    private static void retryAfter(Context ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
    }
}
