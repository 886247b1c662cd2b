package dev.studentapi.server.http;

import dev.studentapi.functions.CorsPolicy;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives every response, before any route runs, its request id ({@code x-amzn-RequestId}, also left on the request
 * for the access log), the security headers and the CORS headers. Runs in Jetty ahead of the routes, with the
 * fixed headers encoded once, since every request pays for it.
 */
final class ResponseHeaders extends Handler.Wrapper {

    private final List<HttpField> fixed;
    private final CorsPolicy cors;
    private final boolean corsIsFixed;
    private final String requestIdPrefix = Long.toString(System.currentTimeMillis(), 36) + "-";
    private final AtomicLong requests = new AtomicLong();

    ResponseHeaders(CorsPolicy cors) {
        this.cors = cors;
        Map<String, String> anyOrigin = cors.headers(null);
        this.corsIsFixed = anyOrigin.containsKey("Access-Control-Allow-Origin");
        List<HttpField> fields = new ArrayList<>();
        fields.add(new PreEncodedHttpField("X-Content-Type-Options", "nosniff"));
        fields.add(new PreEncodedHttpField("Referrer-Policy", "no-referrer"));
        fields.add(new PreEncodedHttpField("Content-Security-Policy", HttpApp.CONTENT_SECURITY_POLICY));
        if (corsIsFixed) {
            anyOrigin.forEach((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        }
        this.fixed = List.copyOf(fields);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String requestId = requestIdPrefix + requests.incrementAndGet();
        request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
        HttpFields.Mutable headers = response.getHeaders();
        headers.add("x-amzn-RequestId", requestId);
        for (HttpField field : fixed) {
            headers.add(field);
        }
        if (!corsIsFixed) {
            cors.headers(request.getHeaders().get(HttpHeader.ORIGIN)).forEach(headers::add);
        }
        return super.handle(request, response, callback);
    }
}
