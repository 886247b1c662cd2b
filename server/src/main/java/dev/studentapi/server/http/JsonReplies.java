package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import io.javalin.http.Context;

/** Writes a data-plane answer: its status, its headers and its JSON body. */
final class JsonReplies {
    private JsonReplies() {
    }

    static void send(Context ctx, ApiResponse response) {
        response.headers().forEach(ctx::header);
        ctx.status(response.status()).contentType(ApiResponse.CONTENT_TYPE).result(response.body());
    }
}
