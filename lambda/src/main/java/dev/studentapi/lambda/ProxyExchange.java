package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneReplies;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates between API Gateway proxy events and the framework-free functions: the request body as bytes,
 * preflight answers, and responses with {@code Content-Type}, the CORS headers and the response's own headers
 * ({@code Allow}, {@code x-amzn-ErrorType}).
 */
final class ProxyExchange {

    private ProxyExchange() {
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
