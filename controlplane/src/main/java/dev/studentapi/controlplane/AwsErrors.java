package dev.studentapi.controlplane;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.StoreException;
import dev.studentapi.httpfaults.ClientFaults;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The one place where refusals become API Gateway errors: a status, {@code x-amzn-ErrorType} and
 * {@code {"message": ...}}; a refusal of the core also names its code in {@value #CODE_HEADER}.
 */
final class AwsErrors {
    /** The header that carries a refusal's stable code beside API Gateway's own error type. */
    static final String CODE_HEADER = "x-studentapi-code";

    private static final Logger LOG = LoggerFactory.getLogger(AwsErrors.class);

    private AwsErrors() {
    }

    /** Registers the mappings; {@code accountId} is the account that API Gateway's texts name. */
    static void register(RoutesConfig routes, String accountId) {
        routes.exception(SignatureRefused.class, (e, ctx) ->
                render(ctx, 403, e.refused().errorType(), e.refused().message()));
        routes.exception(AccessDenied.class, (e, ctx) -> render(ctx, 403, "AccessDeniedException", e.getMessage()));
        routes.exception(Refusal.class, (e, ctx) -> {
            AwsRefusals.AwsError error = AwsRefusals.of(e, accountId);
            ctx.header(CODE_HEADER, e.code().name());
            render(ctx, error.status(), error.errorType(), error.message());
        });
        routes.exception(AwsBadRequest.class, (e, ctx) ->
                render(ctx, 400, "BadRequestException", e.getMessage()));
        routes.exception(IllegalArgumentException.class, (e, ctx) ->
                render(ctx, 400, "BadRequestException", e.getMessage()));
        routes.exception(StoreException.class, (e, ctx) -> {
            LOG.error("Store failure in {} {}", ctx.method(), ctx.path(), e);
            render(ctx, 503, "ServiceUnavailableException", "The service is unavailable. Try again later.");
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404 || e.getStatus() == 405) {
                render(ctx, 404, "NotFoundException", "No operation " + ctx.method() + " " + ctx.path());
            } else {
                render(ctx, e.getStatus(), "BadRequestException", e.getMessage());
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            int status = ClientFaults.answeredStatus(500, e, LOG,
                    "control-plane request " + ctx.method() + " " + ctx.path());
            if (status != 500) {
                ctx.header("Connection", "close");
                render(ctx, status, "BadRequestException", "The request could not be read.");
                return;
            }
            render(ctx, 500, "InternalFailure", "Internal server error");
        });
    }

    static void render(Context ctx, int status, String errorType, String message) {
        ctx.header("x-amzn-ErrorType", errorType);
        JsonCodec.respond(ctx, status, new Representations.ErrorJson(message));
    }
}
