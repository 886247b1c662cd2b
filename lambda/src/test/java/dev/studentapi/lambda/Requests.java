package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import java.util.HashMap;
import java.util.Map;

/** Proxy events built in code, as API Gateway sends them for the records routes (stage prod). */
final class Requests {

    private Requests() {
    }

    /** {@code method} on {@code resource} ({@code /students/{studentid}}) at {@code path} ({@code /students/SV001}). */
    static APIGatewayProxyRequestEvent event(String method, String resource, String path) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withStage("prod").withPath("/prod" + path).withResourcePath(resource).withHttpMethod(method);
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource).withPath(path)
                .withRequestContext(context).withHeaders(new HashMap<>(Map.of("x-api-key", "k")))
                .withIsBase64Encoded(false);
    }

    static APIGatewayProxyRequestEvent student(String method, String id) {
        return event(method, "/students/{studentid}", "/students/" + id)
                .withPathParameters(Map.of("studentid", id));
    }

    static APIGatewayProxyRequestEvent list(Map<String, String> query) {
        return event("GET", "/students", "/students").withQueryStringParameters(query.isEmpty() ? null : query);
    }

    static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent event, String name, String value) {
        event.getHeaders().put(name, value);
        return event;
    }
}
