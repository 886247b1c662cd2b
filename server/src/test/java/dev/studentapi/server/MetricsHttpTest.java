package dev.studentapi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's view on the control-plane port: {@code /metrics} parsed as Prometheus text, its counters moving
 * as requests are made; the bearer token of {@code METRICS_TOKEN}; {@code /health/live} and {@code /health/ready}.
 */
class MetricsHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(Map.of("PLAN_RATE_LIMIT", "1000", "PLAN_BURST_LIMIT", "1000"));
        all.putAll(variables);
        server = TestServer.start(dataDir, all);
    }

    private HttpResponse<String> operations(String path, String... headers) {
        URI uri = URI.create(server.server().controlPlaneEndpoint() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The samples of a Prometheus text exposition: {@code name{labels}} to value. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private Map<String, Double> scrape() {
        HttpResponse<String> response = operations("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        return samples(response.body());
    }

    private static double value(Map<String, Double> samples, String sample) {
        return samples.getOrDefault(sample, 0.0);
    }

    @Test
    void theCountersMoveAsRequestsAreMade() {
        start(Map.of());
        Map<String, Double> before = scrape();
        String listed = "studentapi_http_requests_seconds_count{method=\"GET\",route=\"/prod/students\",status=\"200\"}";

        server.get("/prod/students", server.key());
        server.get("/prod/students", server.key());
        server.get("/prod/students", "not-a-key");
        server.post("/prod/students", Json.student("SV001", "An"), server.key());
        server.post("/prod/backup", null, server.key());
        Map<String, Double> after = scrape();

        assertThat(value(after, listed) - value(before, listed)).isEqualTo(2.0);
        assertThat(after).containsKey(
                "studentapi_http_requests_seconds_bucket{method=\"GET\",route=\"/prod/students\",status=\"200\",le=\"+Inf\"}");
        assertThat(value(after, "studentapi_gateway_refusals_total{reason=\"forbidden\"}")
                - value(before, "studentapi_gateway_refusals_total{reason=\"forbidden\"}")).isEqualTo(1.0);
        assertThat(value(after, "studentapi_gateway_quota_charges_total")
                - value(before, "studentapi_gateway_quota_charges_total")).isEqualTo(4.0);
        assertThat(value(after, "studentapi_backups_seconds_count{outcome=\"stored\"}")).isEqualTo(1.0);
        assertThat(value(after, "studentapi_backup_size_bytes_sum")).isPositive();
        assertThat(value(after, "studentapi_mails_total{outcome=\"sent\"}")).isEqualTo(2.0);
        assertThat(after.keySet()).anySatisfy(name -> assertThat(name).startsWith("jvm_memory_used_bytes"));
    }

    @Test
    void withATokenOnlyABearerOfItMayScrape() {
        start(Map.of("METRICS_TOKEN", "scrape-secret"));

        assertThat(operations("/metrics").statusCode()).isEqualTo(401);
        assertThat(operations("/metrics", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = operations("/metrics", "Authorization", "Bearer scrape-secret");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("# TYPE studentapi_gateway_quota_charges_total counter");
    }

    @Test
    void healthSaysLiveAndReadyWithoutASignature() {
        start(Map.of());

        HttpResponse<String> live = operations("/health/live");
        HttpResponse<String> ready = operations("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(operations("/restapis").statusCode()).as("AWS routes still need a signature").isEqualTo(403);
        server.server().components().close();
        HttpResponse<String> closed = operations("/health/ready");
        assertThat(closed.statusCode()).isEqualTo(503);
        assertThat(closed.body()).startsWith("{\"status\":\"unavailable\",\"engines\":{\"sqlite\":");
    }
}
