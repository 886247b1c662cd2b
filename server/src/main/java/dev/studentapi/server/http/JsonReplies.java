package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.StreamedResponse;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a data-plane answer: its status, its headers and its body (a streamed one straight to the client). */
final class JsonReplies {
    private JsonReplies() {
    }

    static void answer(Context ctx, DataPlaneAnswer answer) throws IOException {
        ctx.attribute(RequestAttributes.ANSWERED, Boolean.TRUE);
        answer.headers().forEach(ctx::header);
        ctx.status(answer.status());
        if (answer instanceof ApiResponse response) {
            if (response.status() != 204 || response.body().length > 0) {
                ctx.contentType(ApiResponse.CONTENT_TYPE).result(response.body());
            }
            return;
        }
        StreamedResponse streamed = (StreamedResponse) answer;
        ctx.contentType(streamed.contentType());
        try (OutputStream out = ctx.res().getOutputStream()) {
            streamed.writeBody(out);
        }
    }

    /** {@link #send} for the answers that are a whole JSON body, which writing cannot fail. */
    static void send(Context ctx, ApiResponse response) {
        response.headers().forEach(ctx::header);
        ctx.status(response.status());
        if (response.status() != 204 || response.body().length > 0) {
            ctx.contentType(ApiResponse.CONTENT_TYPE).result(response.body());
        }
    }
}
