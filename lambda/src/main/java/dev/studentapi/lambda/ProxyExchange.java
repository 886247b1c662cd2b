package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.core.text.Language;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.DataPlaneReplies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates between API Gateway proxy events and the framework-free functions: the request body as bytes,
 * preflight answers, and responses with {@code Content-Type}, the CORS headers and the response's own headers
 * ({@code Allow}, {@code x-amzn-ErrorType}, {@code ETag}, {@code Link}), within Lambda's 6 MB response limit.
 */
final class ProxyExchange {

    /** A function over a whole proxy request, answering JSON or a streamed body (CSV). */
    @FunctionalInterface
    interface Call {
        DataPlaneAnswer apply(ProxyRequest request) throws IOException;
    }

    /** What every exchange of a container shares: its CORS policy, its error answers and their language. */
    record Exchange(CorsPolicy cors, DataPlaneReplies replies, Language language) {
    }

    private ProxyExchange() {
    }

    /**
     * Answers a preflight request itself (allowing {@code methods}), else calls {@code call} and renders its answer,
     * a streamed one read into memory up to {@link LambdaLimits#RESPONSE_BYTES}; a call that throws, or a body
     * that fails while it is written, is answered by {@link DataPlaneReplies#failure} and logged to {@code context}
     * (may be null); a body beyond the limit by {@link LambdaLimits#responseTooLarge}.
     */
    static APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context, Exchange exchange,
                                               String methods, Call call) {
        CorsPolicy cors = exchange.cors();
        DataPlaneReplies replies = exchange.replies();
        String origin = header(event, "Origin");
        if ("OPTIONS".equalsIgnoreCase(event.getHttpMethod())) {
            Map<String, String> headers = cors.headers(origin);
            headers.putAll(cors.preflightOnlyHeaders(methods));
            return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(headers)
                    .withIsBase64Encoded(false);
        }
        DataPlaneAnswer answer;
        byte[] body;
        try {
            answer = call.apply(new ProxyRequest(event, body(event)));
            body = LambdaLimits.render(answer);
        } catch (LambdaLimits.TooLarge tooLarge) {
            answer = LambdaLimits.responseTooLarge(replies, exchange.language());
            body = ((ApiResponse) answer).body();
        } catch (IOException | RuntimeException e) {
            if (context != null) {
                context.getLogger().log("Request failed: " + e);
            }
            answer = replies.failure(e);
            body = ((ApiResponse) answer).body();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", answer.contentType());
        headers.putAll(cors.headers(origin));
        headers.putAll(answer.headers());
        return new APIGatewayProxyResponseEvent().withStatusCode(answer.status()).withHeaders(headers)
                .withBody(new String(body, StandardCharsets.UTF_8)).withIsBase64Encoded(false);
    }

    /**
     * Answers a preflight request itself, else calls {@code function} and renders its response; a function that
     * throws is answered by {@link DataPlaneReplies#failure}, logged to {@code context} (may be null) without
     * reaching the client. An invocation that is no HTTP request (a scheduler event has no {@code httpMethod})
     * also calls the function.
     */
    static APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context, CorsPolicy cors,
                                               DataPlaneReplies replies, Function<byte[], ApiResponse> function) {
        String origin = header(event, "Origin");
        if ("OPTIONS".equalsIgnoreCase(event.getHttpMethod())) {
            return new APIGatewayProxyResponseEvent().withStatusCode(204)
                    .withHeaders(cors.preflightHeaders(origin)).withIsBase64Encoded(false);
        }
        ApiResponse response;
        try {
            response = function.apply(body(event));
        } catch (RuntimeException e) {
            if (context != null) {
                context.getLogger().log("Request failed: " + e);
            }
            response = replies.failure(e);
        }
        return render(response, cors.headers(origin));
    }

    /** The proxy response: Content-Type, the CORS headers, the response's own headers and its body. */
    static APIGatewayProxyResponseEvent render(ApiResponse response, Map<String, String> corsHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ApiResponse.CONTENT_TYPE);
        headers.putAll(corsHeaders);
        headers.putAll(response.headers());
        return new APIGatewayProxyResponseEvent().withStatusCode(response.status()).withHeaders(headers)
                .withBody(response.bodyText()).withIsBase64Encoded(false);
    }

    /** The request body as sent: API Gateway passes text as is and binary bodies in Base64. */
    static byte[] body(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException notBase64) {
                return new byte[0];
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** A request header by case-insensitive name, or null. */
    static String header(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey())) {
                return header.getValue();
            }
        }
        return null;
    }
}
