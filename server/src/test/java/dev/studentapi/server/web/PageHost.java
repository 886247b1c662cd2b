package dev.studentapi.server.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A second, plain web server on another port that serves the page's files from the classpath, the way an
 * S3 bucket behind CloudFront would: the page then calls the API cross-origin.
 */
final class PageHost implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "json", "application/json");

    private final HttpServer http;

    private PageHost(HttpServer http) {
        this.http = http;
    }

    /** Serves the page with a config.json naming apiBaseUrl, or with no config.json when it is empty. */
    static PageHost start(Optional<URI> apiBaseUrl) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> serve(exchange, apiBaseUrl));
            http.start();
            return new PageHost(http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    private static void serve(HttpExchange exchange, Optional<URI> apiBaseUrl) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/config.json") && apiBaseUrl.isPresent()) {
                send(exchange, 200, "json", ("{\"apiBaseUrl\":\"" + apiBaseUrl.get() + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String file = path.equals("/") ? "index.html" : path.substring(1);
            InputStream resource = file.contains("..") ? null
                    : PageHost.class.getClassLoader().getResourceAsStream("public/" + file);
            if (resource == null) {
                send(exchange, 404, "json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            try (resource) {
                send(exchange, 200, file.substring(file.lastIndexOf('.') + 1), resource.readAllBytes());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String extension, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src *; base-uri 'none'; form-action 'self'");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
