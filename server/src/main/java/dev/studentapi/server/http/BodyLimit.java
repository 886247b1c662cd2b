package dev.studentapi.server.http;

import dev.studentapi.functions.DataPlaneReplies;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The step before each keyed route that refuses a request body over its route's limit (1 MiB; the import route's is
 * larger) with 413 from its {@code Content-Length}, before the gateway counts it. A client that sends its whole body
 * before reading (most do) would otherwise meet a reset instead of the answer, so a moderately large body is read
 * and dropped first; a larger one closes the connection. Bodies without a length are cut off at the same size as
 * they are read ({@link Exchange#bodyAsBytes}).
 */
final class BodyLimit {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Refused bodies up to this size are read and dropped first, so the client is not reset mid-upload. */
    static final long DRAINED_BODY_BYTES = 8 * MAX_BODY_BYTES;

    private final DataPlaneReplies replies;

    BodyLimit(DataPlaneReplies replies) {
        this.replies = replies;
    }

    /** True when the body may be read; else the 413 answer is set. */
    boolean check(Exchange exchange) {
        String length = exchange.header("Content-Length");
        long max = exchange.route().maxBodyBytes();
        if (length == null || !parsesAbove(length, max)) {
            return true;
        }
        if (max > MAX_BODY_BYTES || parsesAbove(length, DRAINED_BODY_BYTES)) {
            exchange.header("Connection", "close");
        } else {
            drain(exchange);
        }
        JsonReplies.send(exchange, replies.payloadTooLarge());
        return false;
    }

    private static void drain(Exchange exchange) {
        try (InputStream body = exchange.bodyStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            exchange.header("Connection", "close");
        }
    }

    private static boolean parsesAbove(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
