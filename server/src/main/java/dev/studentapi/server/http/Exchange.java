package dev.studentapi.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One request to the data plane and the answer being made for it, on Jetty's core API (no servlets): what a route
 * reads (method, raw path, headers, path and query parameters, the body within its route's limit) and writes
 * (status, headers, a whole body or a streamed one). Just before the last bytes go out, {@code beforeLast} runs
 * once (the access log and the metrics), so that a client never sees its answer before it is counted.
 */
final class Exchange {

    /** Thrown when a body is longer than its route allows. */
    static final class BodyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("request body over its limit", null, false, false);
        }
    }

    private final Request request;
    private final Response response;
    private final Consumer<Exchange> beforeLast;
    private RouteTable.Match match;
    private Map<String, String> query;
    private int status = 200;
    private byte[] body;
    private InputStream bodyStream;
    private boolean streamed;
    private boolean counted;
    private String keyId;

    Exchange(Request request, Response response, Consumer<Exchange> beforeLast) {
        this.request = request;
        this.response = response;
        this.beforeLast = beforeLast;
    }

    void matched(RouteTable.Match matched) {
        this.match = matched;
    }

    /** The matched route, or null when none matched. */
    Route route() {
        return match == null ? null : match.route();
    }

    HttpMethod httpMethod() {
        return HttpMethod.fromString(request.getMethod());
    }

    String method() {
        return request.getMethod();
    }

    /** The path as sent, still percent-encoded. */
    String path() {
        return request.getHttpURI().getPath();
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    String header(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    /** A decoded path parameter of the matched route. */
    String pathParam(String name) {
        return match.param(name);
    }

    /** The first value of a decoded query parameter, or null. */
    String queryParam(String name) {
        return queryFirstValues().get(name);
    }

    /**
     * Each query parameter's first value, in the order sent, decoded as a form is ({@code +} a space) and leniently:
     * bytes that are no UTF-8 become U+FFFD, as the servlet API read them (malformed escapes never get here).
     */
    Map<String, String> queryFirstValues() {
        if (query == null) {
            Map<String, String> first = new LinkedHashMap<>();
            String raw = request.getHttpURI().getQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                    first.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
            query = first;
        }
        return query;
    }

    private static String decode(String text) {
        return text.indexOf('%') < 0 && text.indexOf('+') < 0 ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The socket's remote address. */
    String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    /** The whole body, refused with {@link BodyTooLarge} past the matched route's limit. */
    byte[] bodyAsBytes() throws IOException {
        long max = route() == null ? BodyLimit.MAX_BODY_BYTES : route().maxBodyBytes();
        try (InputStream in = bodyStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            if (bytes.length > max) {
                throw new BodyTooLarge();
            }
            return bytes;
        }
    }

    /** The body as it arrives. */
    InputStream bodyStream() {
        return Content.Source.asInputStream(request);
    }

    /** Sets (replaces) a response header. */
    Exchange header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    Exchange status(int code) {
        this.status = code;
        return this;
    }

    int status() {
        return status;
    }

    /** The whole body of the answer. */
    void result(String contentType, byte[] bytes) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        this.body = bytes;
        this.bodyStream = null;
    }

    /** A body copied from {@code in} when the answer is sent (and {@code in} closed). */
    void result(String contentType, InputStream in) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        this.bodyStream = in;
        this.body = null;
    }

    /** Streams the body from here on: status and headers go first; closing the stream ends the answer. */
    OutputStream stream(String contentType) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.setStatus(status);
        streamed = true;
        return new FilterOutputStream(Content.Sink.asOutputStream(response)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                count();
                super.close();
            }
        };
    }

    /** Leaves the key's id for the access log. */
    void keyId(String id) {
        this.keyId = id;
    }

    String keyId() {
        return keyId;
    }

    Object requestId() {
        return request.getAttribute(RequestAttributes.REQUEST_ID);
    }

    /** Whether the status and headers have gone out (a streamed body began), so that no other answer can. */
    boolean committed() {
        return response.isCommitted();
    }

    /** Sends what was set (unless streamed already) and completes {@code callback}. */
    void send(Callback callback) {
        if (streamed) {
            count();
            callback.succeeded();
            return;
        }
        response.setStatus(status);
        if (bodyStream != null) {
            count();
            try (InputStream in = bodyStream; OutputStream out = Content.Sink.asOutputStream(response)) {
                in.transferTo(out);
            } catch (IOException e) {
                callback.failed(e);
                return;
            }
            callback.succeeded();
            return;
        }
        count();
        if (body == null) {
            callback.succeeded();
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Runs {@code beforeLast} unless it ran already (also for an answer broken off mid-stream). */
    void count() {
        if (!counted) {
            counted = true;
            beforeLast.accept(this);
        }
    }
}
