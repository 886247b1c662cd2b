package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * One real server (control-plane credentials fixed) and one desktop Chromium per test class, for the console
 * at {@code /console/} on the control-plane port; every test starts signed out, ends with a screenshot and
 * with no script error or CSP violation.
 */
abstract class ConsolePageBase {
    static final String ADMIN_ID = "AKIDCONSOLEBROWSER";
    static final String ADMIN_SECRET = "browser-console-secret-for-tests";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Browser browser;

    String testName;

    @BeforeAll
    static void startServerAndBrowser() {
        Browser.requireChromium();
        server = TestServer.start(dataDir, Map.of("ADMIN_ACCESS_KEY_ID", ADMIN_ID, "ADMIN_SECRET_ACCESS_KEY", ADMIN_SECRET,
                "PLAN_RATE_LIMIT", "500", "PLAN_BURST_LIMIT", "1000", "PLAN_QUOTA_LIMIT", "1000"));
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
    void openSignedOut(TestInfo test) {
        testName = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
        browser.open(consoleUrl());
        browser.driver.manage().deleteAllCookies();
        browser.reload();
        browser.visible("#signin-form");
    }

    @AfterEach
    void screenshotAndCheckConsole() {
        browser.screenshot(testName);
        assertThat(browser.pageErrors()).as("script errors or CSP violations in the console").isEmpty();
    }

    static URI consoleUrl() {
        return server.server().controlPlaneEndpoint().resolve("/console/");
    }

    void signIn() {
        signIn(ADMIN_ID, ADMIN_SECRET);
        browser.visible("#nav");
    }

    void signIn(String id, String secret) {
        WebElement idField = browser.visible("#signin-id");
        idField.clear();
        idField.sendKeys(id);
        browser.find("#signin-secret").clear();
        browser.find("#signin-secret").sendKeys(secret);
        browser.find("#signin-submit").click();
    }

    /** Follows the navigation link named {@code name} and waits until the page's heading has it. */
    void go(String name, String section) {
        browser.driver.findElement(By.linkText(name)).click();
        browser.visible("#page-" + section);
        browser.wait.until(d -> Boolean.TRUE.equals(browser.script("return location.hash === '#" + section + "'")));
    }

    /** The keys table's row of the key named {@code name}, once it is listed. */
    WebElement keyRow(String name) {
        return browser.wait.until(d -> d.findElements(By.cssSelector("#keys-table tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("td")).getText().contains(name))
                .findFirst().orElse(null));
    }

    WebElement planCard(String name) {
        return browser.wait.until(d -> d.findElements(By.cssSelector("#plans-list article")).stream()
                .filter(card -> card.findElement(By.cssSelector("h2")).getText().equals(name))
                .findFirst().orElse(null));
    }

    /** Creates a key through the form (auto-generated value) and answers the value shown once. */
    String createKey(String name) {
        browser.find("#key-create-open").click();
        browser.visible("#key-name").sendKeys(name);
        browser.find("#key-create button[type=submit]").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("key-created-message"), "Successfully created API key '" + name + "'."));
        keyRow(name);
        return browser.find("#key-created-value").getAttribute("value");
    }

    void addKeyToPlan(String keyName, String planName) {
        WebElement card = planCard(planName);
        Select picker = new Select(card.findElement(By.cssSelector("select")));
        picker.selectByVisibleText(picker.getOptions().stream().map(WebElement::getText)
                .filter(text -> text.startsWith(keyName + " (")).findFirst().orElseThrow());
        card.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.wait.until(d -> planCard(planName).getText().contains(keyName + " ("));
    }

    void confirm() {
        browser.visible("#confirm-ok").click();
        browser.wait.until(d -> Boolean.FALSE.equals(browser.script("return document.getElementById('confirm').open")));
    }

    static HttpResponse<String> dataPlane(String key) {
        return server.get("/prod/students", key);
    }

    /** axe-core's serious and critical WCAG 2.0/2.1 A and AA violations on the page as it is now. */
    List<String> seriousAccessibilityViolations(String state) {
        browser.screenshot(testName + "-" + state);
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(Axe.SOURCE);
        }
        Object found = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.map((n) => n.target.join(' ')).join(', '))))
                  .catch((e) => done(['axe failed: ' + e]));
                """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** axe-core as vendored for the web page's tests (web/src/test/axe), never served. */
    private static final class Axe {
        static final String SOURCE = read();

        private static String read() {
            Path file = Path.of("..", "web", "src", "test", "axe", "axe.min.js");
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is vendored at " + file.toAbsolutePath(), e);
            }
        }
    }
}
