package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The page served from another origin (as from a bucket) calls the API across origins with the key. */
class CrossOriginPageTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path throttledDataDir;
    static TestServer api;
    static TestServer throttledApi;
    static Browser browser;

    StudentPage page;
    String testName;

    @BeforeAll
    static void start() {
        Browser.requireChromium();
        api = TestServer.start(dataDir, Map.of("PLAN_RATE_LIMIT", "100", "PLAN_BURST_LIMIT", "200"));
        throttledApi = TestServer.start(throttledDataDir, Map.of("PLAN_RATE_LIMIT", "0.02", "PLAN_BURST_LIMIT", "1"));
        browser = Browser.desktop();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        for (TestServer server : new TestServer[] {api, throttledApi}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void name(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        page = new StudentPage(browser);
    }

    @AfterEach
    void screenshot() {
        browser.screenshot(testName);
        assertThat(browser.pageErrors()).isEmpty();
    }

    private static URI prod(TestServer server) {
        return server.url("/prod");
    }

    @Test
    void readsItsApiFromConfigJsonAndSavesAcrossOrigins() {
        try (PageHost host = PageHost.start(Optional.of(prod(api)))) {
            browser.open(host.url());
            assertThat(browser.find("#api-base-display").getText()).isEqualTo(prod(api).toString());

            // x-api-key and a JSON body make every call a preflighted one.
            page.connectAndLoad(api.key()).add(StudentPage.Entry.of("CORS01", "Cross Origin"));

            assertThat(page.row("CORS01").getText()).contains("Cross Origin");
            assertThat(api.get("/prod/students", api.key()).body()).contains("CORS01");
        }
    }

    @Test
    void editsAndDeletesAcrossOriginsWithTheExposedETag() {
        api.post("/prod/students", dev.studentapi.server.Json.student("CORS02", "Far Away"), api.key());
        try (PageHost host = PageHost.start(Optional.of(prod(api)))) {
            browser.open(host.url());
            page.connectAndLoad(api.key());

            // PUT and DELETE with If-Match are preflighted; the page must read the ETag of the answer.
            page.button("Edit Far Away (CORS02)").click();
            browser.wait.until(d -> browser.find("#edit-name").isEnabled());
            browser.find("#edit-name").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    "Far Away Now", org.openqa.selenium.Keys.ENTER);
            assertThat(page.waitForMessage("list-messages", "success", "Saved the changes to Far Away Now").getText())
                    .contains("Saved the changes to Far Away Now");

            page.button("Delete Far Away Now (CORS02)").click();
            browser.wait.until(d -> !"true".equals(browser.find("#delete-confirm").getAttribute("aria-busy")));
            page.button("Delete student").click();
            assertThat(page.waitForMessage("list-messages", "success", "Deleted Far Away Now (CORS02).").getText())
                    .contains("Deleted Far Away Now (CORS02).");
            assertThat(api.get("/prod/students/CORS02", api.key()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theSettingsPanelPointsThePageAtAnotherDeployment() {
        try (PageHost host = PageHost.start(Optional.empty())) {
            browser.open(host.url());
            assertThat(browser.find("#api-base-display").getText()).as("without config.json: ./prod next to the page")
                    .isEqualTo(host.url().resolve("prod").toString());
            page.connect(api.key());
            assertThat(page.waitForMessage("list-messages", "error", "Nothing answers at").getText())
                    .contains("Nothing answers at");

            page.useApiBaseUrl(prod(api) + "/");

            page.waitUntilLoaded();
            assertThat(browser.find("#api-base-display").getText()).isEqualTo(prod(api).toString());
            assertThat(page.count()).matches("\\d+ students?");
            browser.reload();
            assertThat(browser.find("#api-base-display").getText()).as("remembered").isEqualTo(prod(api).toString());
            page.openSettings().button("Use default").click();
            assertThat(browser.find("#api-base-display").getText()).isEqualTo(host.url().resolve("prod").toString());
            assertThat(page.waitForMessage("list-messages", "error", "Nothing answers at").getText())
                    .contains("Nothing answers at");
            assertThat(browser.findAll("#students-body tr")).as("no rows of the other API are left").isEmpty();
        }
    }

    @Test
    void readsTheBodyOfA403AcrossOrigins() {
        try (PageHost host = PageHost.start(Optional.of(prod(api)))) {
            browser.open(host.url());

            page.connect("not-the-key-0123456789");

            assertThat(page.waitForMessage("connection-messages", "error", "The API key is missing or wrong.").getText())
                    .contains("The API key is missing or wrong.");
            assertThat(fetchFromPage(prod(api) + "/students", "not-the-key-0123456789"))
                    .isEqualTo("403 Forbidden ForbiddenException");
        }
    }

    @Test
    void readsTheBodyOfA429AcrossOrigins() {
        try (PageHost host = PageHost.start(Optional.of(prod(throttledApi)))) {
            browser.open(host.url());
            page.connectAndLoad(throttledApi.key());

            page.button("Refresh").click();

            browser.wait.until(d -> page.messageText("list-messages").contains("Wait a moment, then try again."));
            assertThat(fetchFromPage(prod(throttledApi) + "/students", throttledApi.key()))
                    .matches("429 Too Many Requests TooManyRequestsException retry-after=\\d+");
        }
    }

    /** Status, body message and exposed headers of a keyed GET made by the page's own origin. */
    private String fetchFromPage(String url, String key) {
        return (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { headers: { 'x-api-key': arguments[1] } })
                  .then(async (r) => {
                    const body = await r.json();
                    const retry = r.headers.get('Retry-After');
                    done([r.status, body.message, r.headers.get('x-amzn-ErrorType')].join(' ')
                      + (retry === null ? '' : ' retry-after=' + retry));
                  })
                  .catch((e) => done('failed: ' + e));
                """, url, key);
    }
}
