package dev.studentapi.server;

import dev.studentapi.server.config.Settings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real server on a random port over a temporary data directory, with a small HTTP client for tests. */
public final class TestServer implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningServer server;
    private final String key;

    private TestServer(RunningServer server, String key) {
        this.server = server;
        this.key = key;
    }

    /** Starts a server on {@code dataDir} with the given extra variables (PORT is 0 unless given). */
    public static TestServer start(Path dataDir, Map<String, String> variables) {
        return start(dataDir, variables, Clock.systemUTC());
    }

    public static TestServer start(Path dataDir, Map<String, String> variables, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("HOST", "127.0.0.1");
        env.put("ADMIN_PORT", "0");
        env.put("DATA_DIR", dataDir.toString());
        env.putAll(variables);
        RunningServer server = StudentApiServer.start(Settings.fromEnvironment(env), clock);
        return new TestServer(server, server.bootstrapKeyValue().orElse(null));
    }

    public RunningServer server() {
        return server;
    }

    /** The StudentApiKey value printed on first start (null when this start created none). */
    public String key() {
        return key;
    }

    public URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    public HttpResponse<String> get(String path, String apiKey) {
        return send("GET", path, null, apiKey);
    }

    public HttpResponse<String> post(String path, String body, String apiKey) {
        return send("POST", path, body, apiKey);
    }

    public HttpResponse<String> send(String method, String path, String body, String apiKey, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
