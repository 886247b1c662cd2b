package dev.studentapi.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console's page does over HTTP, for tests: signs in, keeps the session cookie and the CSRF token,
 * and calls the control plane's routes with them (each part may be left out to see the refusal).
 */
public final class ConsoleClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COOKIE = Pattern.compile("studentapi_console=([^;]*)");

    private final URI endpoint;
    private String cookie;
    private String csrfToken;

    public ConsoleClient(URI controlPlaneEndpoint) {
        this.endpoint = controlPlaneEndpoint;
    }

    /** POST /console/session; on 200 keeps the cookie and the token. */
    public HttpResponse<String> signIn(String accessKeyId, String secret) {
        HttpResponse<String> response = send("POST", "/console/session",
                "{\"accessKeyId\":" + quote(accessKeyId) + ",\"secretAccessKey\":" + quote(secret) + "}", false);
        if (response.statusCode() == 200) {
            cookie = cookieValue(response).orElseThrow();
            csrfToken = json(response).get("csrfToken").asText();
        }
        return response;
    }

    public String cookie() {
        return cookie;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** A request with the session cookie and, when {@code withToken}, the CSRF token; then extra headers. */
    public HttpResponse<String> send(String method, String path, String body, boolean withToken, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", "studentapi_console=" + cookie);
        }
        if (withToken && csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> call(String method, String path, String body) {
        return send(method, path, body, true);
    }

    public static Optional<String> setCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("studentapi_console=")).findFirst();
    }

    private static Optional<String> cookieValue(HttpResponse<String> response) {
        return setCookie(response).map(COOKIE::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
