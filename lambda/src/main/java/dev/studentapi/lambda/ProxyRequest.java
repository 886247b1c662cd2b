package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import java.util.Map;
import java.util.Optional;

/** What a function needs of an API Gateway proxy event: its path as the client sent it, parameters, headers, body. */
record ProxyRequest(APIGatewayProxyRequestEvent event, byte[] body) {

    /** The path with the stage, as the client called it ({@code /prod/students}); the event's path otherwise. */
    String path() {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        if (context != null && context.getPath() != null) {
            return context.getPath();
        }
        return event.getPath() == null ? "/" : event.getPath();
    }

    String method() {
        return event.getHttpMethod();
    }

    /** A path parameter of the resource ({@code studentid}, {@code name}). */
    Optional<String> pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? Optional.empty() : Optional.ofNullable(parameters.get(name));
    }

    /** The query parameters, the first value of each. */
    Map<String, String> query() {
        Map<String, String> parameters = event.getQueryStringParameters();
        return parameters == null ? Map.of() : parameters;
    }

    /** A request header by case-insensitive name. */
    Optional<String> header(String name) {
        return Optional.ofNullable(ProxyExchange.header(event, name));
    }
}
