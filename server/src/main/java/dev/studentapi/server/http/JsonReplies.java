package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.StreamedResponse;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a data-plane answer: its status, its headers and its body (a streamed one straight to the client). */
final class JsonReplies {
    private JsonReplies() {
    }

    static void answer(Exchange exchange, DataPlaneAnswer answer) throws IOException {
        if (answer instanceof ApiResponse response) {
            send(exchange, response);
            return;
        }
        answer.headers().forEach(exchange::header);
        exchange.status(answer.status());
        StreamedResponse streamed = (StreamedResponse) answer;
        OutputStream out = exchange.stream(streamed.contentType());
        streamed.writeBody(out);
        out.close(); // not on a failure: an answer broken off must not end as if it were whole
    }

    /** {@link #answer} for the answers that are a whole JSON body, which writing cannot fail. */
    static void send(Exchange exchange, ApiResponse response) {
        response.headers().forEach(exchange::header);
        exchange.status(response.status());
        if (response.status() != 204 || response.body().length > 0) {
            exchange.result(ApiResponse.CONTENT_TYPE, response.body());
        }
    }
}
