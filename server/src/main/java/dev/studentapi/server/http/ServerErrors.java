package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneReplies;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * The answers of the web server itself to requests that never reach a route (a malformed URI or header, a URI or
 * headers too long): the data plane's JSON bodies with their codes and the CORS headers, instead of HTML pages.
 * A 4xx keeps its status; any but 404 and 413 is answered as data that cannot be read ({@code INVALID_JSON}).
 */
final class ServerErrors extends ErrorHandler {

    private final DataPlaneReplies replies;
    private final CorsPolicy cors;

    ServerErrors(DataPlaneReplies replies, CorsPolicy cors) {
        this.replies = replies;
        this.cors = cors;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        ApiResponse reply = replyFor(status);
        response.setStatus(reply.status());
        write(response.getHeaders(), reply, request.getHeaders().get(HttpHeader.ORIGIN));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private void write(HttpFields.Mutable headers, ApiResponse reply, String origin) {
        headers.put(HttpHeader.CONTENT_TYPE, ApiResponse.CONTENT_TYPE);
        cors.headers(origin).forEach(headers::put);
        reply.headers().forEach(headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    /** The reply for a status: a 4xx keeps its status, anything else is an internal error. */
    private ApiResponse replyFor(int status) {
        if (status < 400 || status >= 500) {
            return replies.failure(new IllegalStateException("HTTP " + status));
        }
        ApiResponse reply = status == 404 ? replies.notFound()
                : status == 413 ? replies.payloadTooLarge()
                : replies.invalidJson();
        return new ApiResponse(status, reply.headers(), reply.body());
    }
}
