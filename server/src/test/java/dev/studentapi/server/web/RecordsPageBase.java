package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real server and one desktop Chromium per test class, for the page's records features (edit, delete,
 * pages, import, export, backups); a screenshot of every test and no script error or CSP violation.
 */
abstract class RecordsPageBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Browser browser;

    StudentPage page;
    String testName;

    @BeforeAll
    static void startServerAndBrowser() {
        Browser.requireChromium();
        server = TestServer.start(dataDir, Map.of("PLAN_RATE_LIMIT", "500", "PLAN_BURST_LIMIT", "1000",
                "PLAN_QUOTA_LIMIT", "100000"));
        browser = Browser.desktop();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage(TestInfo test) {
        testName = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
        browser.open(server.url("/"));
        page = new StudentPage(browser);
    }

    @AfterEach
    void screenshotAndCheckConsole() {
        browser.screenshot(testName);
        assertThat(browser.pageErrors()).as("script errors or CSP violations in the console").isEmpty();
    }

    static void seed(String id, String name) {
        assertThat(server.post("/prod/students", Json.student(id, name), server.key()).statusCode()).isEqualTo(201);
    }

    /** Sends a request with the key, a body of the given type and any extra headers. */
    static HttpResponse<String> call(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).timeout(Duration.ofSeconds(60))
                .header("x-api-key", server.key())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
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

    /** Stores the students of a CSV (header row first) through the import route. */
    static void importCsv(String csv) {
        HttpResponse<String> answer = call("POST", "/prod/students/import", "text/csv", csv);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
