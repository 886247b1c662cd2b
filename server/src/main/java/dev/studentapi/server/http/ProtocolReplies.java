package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.ErrorCode;

/**
 * The answers to requests the server could not read, wherever that is found (in the web server before routing,
 * or while a route reads the body): the data plane's JSON bodies, each status kept.
 */
final class ProtocolReplies {

    private final DataPlaneReplies replies;

    ProtocolReplies(DataPlaneReplies replies) {
        this.replies = replies;
    }

    /**
     * 404 and 413 their own; 503 service unavailable; 505 and any other 4xx as data that cannot be read
     * ({@code INVALID_JSON}) with its status; anything else an internal error.
     */
    ApiResponse forStatus(int status) {
        if (status == 404) {
            return replies.notFound();
        }
        if (status == 413) {
            return replies.payloadTooLarge();
        }
        if (status == 503) {
            return replies.error(503, ErrorCode.SERVICE_UNAVAILABLE, "Service Unavailable");
        }
        if (status == 505 || (status >= 400 && status < 500)) {
            ApiResponse unreadable = replies.invalidJson();
            return new ApiResponse(status, unreadable.headers(), unreadable.body());
        }
        return replies.failure(new IllegalStateException("HTTP " + status));
    }
}
