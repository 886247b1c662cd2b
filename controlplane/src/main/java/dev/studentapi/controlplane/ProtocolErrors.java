package dev.studentapi.controlplane;

import dev.studentapi.httpfaults.ClientFaults;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The control plane's answers to requests that never reach an operation (a malformed request line, URI, header
 * or percent escape; a URI or headers too long; an unknown HTTP version): API Gateway's error shape, a status,
 * {@code x-amzn-ErrorType} and {@code {"message": ...}}, instead of the web server's HTML page. A client's fault is
 * logged in one line; any other failure with its trace.
 */
final class ProtocolErrors extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrors.class);

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        int answered = ClientFaults.answeredStatus(status, cause, LOG,
                "control-plane request " + request.getMethod());
        boolean clientFault = answered < 500 || answered == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
        String text = clientFault ? reason(answered) : "Internal server error";
        response.setStatus(answered);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        response.getHeaders().put("x-amzn-ErrorType", clientFault ? "BadRequestException" : "InternalFailure");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(JsonCodec.write(new Representations.ErrorJson(text))
                .getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String reason(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "Bad Request" : reason;
    }
}
