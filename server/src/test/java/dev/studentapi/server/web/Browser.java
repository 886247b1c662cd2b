package dev.studentapi.server.web;

import dev.studentapi.testkit.ExternalProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, shared by the tests of one class. Screenshots go
 * to {@code target/screenshots/<name>.png}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Skips the test (or fails it with -Dit.required=true) when Chromium or its driver is missing. */
    static void requireChromium() {
        ExternalProgram.require("chromium", Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "apt-get install chromium chromium-driver");
    }

    /** A 1280 x 900 window. */
    static Browser desktop() {
        return start(options());
    }

    /** A phone screen 360 CSS pixels wide. */
    static Browser phone() {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 360, "height", 780, "pixelRatio", 2.0)));
        return start(options);
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    private static Browser start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Opens the page with empty storage for its origin, and waits until it has started. */
    void open(URI page) {
        driver.get(page.resolve("/favicon.svg").toString()); // a cheap document of the same origin
        script("sessionStorage.clear(); localStorage.clear();");
        driver.get(page.toString());
        waitUntilReady();
    }

    /** Reloads keeping the storage, and waits until the page has started. */
    void reload() {
        driver.navigate().refresh();
        waitUntilReady();
    }

    private void waitUntilReady() {
        wait.until(d -> "true".equals(script("return document.documentElement.dataset.ready || ''")));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element once it is displayed. */
    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Saves the whole page, not only the window, as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Console messages that mean the page broke: script errors and Content-Security-Policy violations
     * (a refused HTTP status the page handles is logged by Chromium too, and is not one of them).
     */
    List<String> pageErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    /** Lets the page save downloads into dir (the export, a backup). */
    void downloadInto(Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
    }

    /**
     * The WCAG 2.0/2.1 A and AA violations axe-core finds on the page as it is now, one line each (rule, help,
     * elements). axe-core is vendored in web/src/test/axe for the tests; the page never serves it.
     */
    List<String> accessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(Axe.SOURCE);
        }
        Object found = asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then((r) => done(r.violations.map((v) => v.id + ': ' + v.help + ' at '
                    + v.nodes.map((n) => n.target.join(' ')).join(', '))))
                  .catch((e) => done(['axe failed: ' + e]));
                """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** axe-core's script, read once from the web module's test folder. */
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

    @Override
    public void close() {
        driver.quit();
    }
}
