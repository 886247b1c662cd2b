package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page on a phone 360 CSS pixels wide: nothing overflows sideways and each student is a card. */
class PhoneLayoutTest {

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        Browser.requireChromium();
        server = TestServer.start(dataDir, Map.of());
        server.post("/prod/students", Json.student("SV001", "Nguyễn Tri Bão Thắng"), server.key());
        server.post("/prod/students", Json.student("SV002", "Trần Thị Bích Ngọc"), server.key());
        browser = Browser.phone();
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

    @Test
    void fitsA360PixelScreenWithOneCardPerStudent() {
        browser.open(server.url("/"));
        StudentPage page = new StudentPage(browser);
        page.connectAndLoad(server.key());
        page.add(StudentPage.Entry.of("SV003", "Lê Văn Cường"));
        browser.find("#backup").click();
        page.waitForMessage("backup-messages", "success");

        assertThat(browser.script("return window.innerWidth")).isEqualTo(360L);
        assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                .as("no sideways scrolling").isLessThanOrEqualTo(360L);
        WebElement row = page.row("SV001");
        assertThat(row.getCssValue("display")).isEqualTo("grid");
        WebElement name = row.findElement(By.cssSelector("td[data-column='name']"));
        assertThat(browser.script("return getComputedStyle(arguments[0], '::before').content", name))
                .isEqualTo("\"Full Name\"");
        for (String id : new String[] {"save", "backup", "refresh", "api-key", "search"}) {
            WebElement control = browser.find("#" + id);
            assertThat(control.getRect().getX() + control.getRect().getWidth()).as(id).isLessThanOrEqualTo(360);
        }
        browser.screenshot("fitsA360PixelScreenWithOneCardPerStudent");
        assertThat(browser.pageErrors()).isEmpty();
    }
}
