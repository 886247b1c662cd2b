package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.StudentFunctions;
import io.javalin.http.Context;

/** Writes JSON responses, including API Gateway's error shape with its {@code x-amzn-ErrorType} header. */
final class JsonReplies {
    private JsonReplies() {
    }

    static void send(Context ctx, ApiResponse response) {
        ctx.status(response.status()).contentType(ApiResponse.CONTENT_TYPE).result(response.body());
    }

    static void error(Context ctx, int status, String message) {
        send(ctx, StudentFunctions.message(status, message));
    }

    static void gatewayError(Context ctx, int status, String errorType, String message) {
        ctx.header("x-amzn-ErrorType", errorType);
        error(ctx, status, message);
    }
}
