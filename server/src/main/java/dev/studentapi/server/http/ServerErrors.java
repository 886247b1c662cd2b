package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.httpfaults.ClientFaults;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * The answers of the web server itself to requests that never reach a route (a malformed URI or header, a URI or
 * headers too long): the data plane's JSON bodies with their codes and the CORS headers, instead of HTML pages.
 * A 4xx keeps its status ({@link ProtocolReplies}); a failure whose cause the client made is its 4xx, logged in one
 * line; any other is an internal error, logged with its trace.
 */
final class ServerErrors extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);

    private final ProtocolReplies replies;
    private final CorsPolicy cors;

    ServerErrors(DataPlaneReplies replies, CorsPolicy cors) {
        this.replies = new ProtocolReplies(replies);
        this.cors = cors;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        ApiResponse reply = replies.forStatus(ClientFaults.answeredStatus(status, cause, LOG,
                "request " + requestId(request)));
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

    /** The request's id, or "-" for one refused before it was given one (while its head was read). */
    private static Object requestId(Request request) {
        Object id = request.getAttribute(RequestAttributes.REQUEST_ID);
        return id == null ? "-" : id;
    }
}
