package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * What the page says when a request does not simply succeed: throttled (a read is retried once), out of
 * quota, the API unreachable, or the e-mail after a save or a backup failing. Each test runs its own server.
 */
class FailingRequestsPageTest {

    static Browser browser;

    @TempDir
    Path dataDir;
    TestServer server;
    boolean serverStopped;
    StudentPage page;
    String testName;

    @BeforeAll
    static void startBrowser() {
        Browser.requireChromium();
        browser = Browser.desktop();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void name(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        page = new StudentPage(browser);
    }

    @AfterEach
    void screenshotAndStop() {
        if (server == null) {
            return;
        }
        browser.screenshot(testName);
        assertThat(browser.pageErrors()).isEmpty();
        if (!serverStopped) {
            server.close();
        }
    }

    private void start(Map<String, String> environment) {
        server = TestServer.start(dataDir, environment);
        browser.open(server.url("/"));
    }

    /** Spends the key's only token from outside the page, waiting until there is one to spend. */
    private void spendTheOnlyToken() {
        new FluentWait<>(server).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(100))
                .until(s -> s.get("/prod/students", s.key()).statusCode() == 200);
    }

    @Test
    void aThrottledReadSaysToSlowDownAndIsRetriedOnceAfterASecond() {
        start(Map.of("PLAN_RATE_LIMIT", "1", "PLAN_BURST_LIMIT", "1"));
        page.connectAndLoad(server.key());
        WebElement refresh = page.button("Refresh");
        spendTheOnlyToken();

        refresh.click(); // within the second it takes the bucket to refill

        WebElement warning = page.waitForMessage("list-messages", "warning");
        assertThat(warning.getAttribute("role")).isEqualTo("alert");
        assertThat(warning.getText()).contains("Too many requests — please slow down.", "Trying again in a second…");
        WebElement retried = page.waitForMessage("list-messages", "info", "Loaded after a short wait.");
        assertThat(retried.getText()).contains("Loaded after a short wait.");
        assertThat(page.count()).isEqualTo("0 students");
    }

    @Test
    void aReadStillThrottledAfterItsRetrySaysToSlowDown() {
        start(Map.of("PLAN_RATE_LIMIT", "0.02", "PLAN_BURST_LIMIT", "1"));
        page.connectAndLoad(server.key());

        page.button("Refresh").click();

        browser.wait.until(d -> page.messageText("list-messages").contains("Wait a moment, then try again."));
        assertThat(page.messageText("list-messages")).contains("Too many requests — please slow down.");
        assertThat(page.count()).as("the list already shown stays").isEqualTo("0 students");
    }

    @Test
    void aThrottledSaveIsNotRepeatedBehindTheUsersBack() {
        start(Map.of("PLAN_RATE_LIMIT", "0.02", "PLAN_BURST_LIMIT", "1"));
        page.connectAndLoad(server.key());

        page.fill(StudentPage.Entry.of("THR001", "Throttled Save")).save();

        assertThat(page.waitForMessage("form-messages", "warning", "Too many requests — please slow down.").getText())
                .contains("Too many requests — please slow down.");
        assertThat(page.value("studentid")).as("the form keeps what was typed").isEqualTo("THR001");
    }

    @Test
    void anExhaustedDailyQuotaSaysSoAndIsNotRetried() {
        start(Map.of("PLAN_QUOTA_LIMIT", "2"));
        page.connectAndLoad(server.key());
        assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);

        page.button("Refresh").click();

        WebElement error = page.waitForMessage("list-messages", "error");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("The daily request quota for this key is used up.", "Try again after");
        assertThat(browser.findAll("#list-messages .message[data-tone='warning']")).isEmpty();
    }

    @Test
    void anUnreachableApiIsReportedAsSuch() {
        start(Map.of());
        page.connectAndLoad(server.key());
        String api = server.url("/prod").toString();
        server.close();
        serverStopped = true;

        page.button("Refresh").click();

        WebElement error = page.waitForMessage("list-messages", "error", "Cannot reach the API at ");
        assertThat(error.getText()).contains("Cannot reach the API at " + api + ".",
                "Check the network connection and the API base URL in Settings.");
        error.findElement(By.cssSelector("button")).click();
        assertThat(browser.findAll("#list-messages .message")).as("dismissed").isEmpty();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("refresh");
    }

    @Test
    void aFailedEmailIsShownAfterASaveAndAfterABackup() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(closedPort)));
        page.connectAndLoad(server.key());

        page.fill(StudentPage.Entry.of("MAIL01", "Mail Failure")).save();
        assertThat(page.waitForMessage("form-messages", "warning", "Saved Mail Failure (MAIL01).").getText())
                .contains("Saved Mail Failure (MAIL01).", "The confirmation e-mail to mail01@example.edu.vn failed:");
        page.row("MAIL01");

        page.button("Backup Data").click();

        WebElement error = page.waitForMessage("backup-messages", "error");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).containsPattern("Backup saved as backups/backup-\\d{8}-\\d{6}\\.json, but the e-mail failed")
                .contains("The e-mail with the download link failed:");
    }
}
