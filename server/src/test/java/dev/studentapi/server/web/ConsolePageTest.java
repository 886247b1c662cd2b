package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in Chromium against the real server: sign-in, keys, plans, the data plane obeying what the
 * console changed, the usage chart, cross-origin refusal and sign-out.
 */
class ConsolePageTest extends ConsolePageBase {

    @Test
    void aWrongSecretIsRefusedAndTheRightOneSignsInWithTheFourPages() {
        signIn(ADMIN_ID, "not-the-secret");
        assertThat(browser.visible("#signin-error").getText()).isEqualTo("The access key ID or the secret access key is wrong.");
        assertThat(browser.find("#signin-secret").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#nav").isDisplayed()).isFalse();

        signIn();

        assertThat(browser.find("#signed-in-as").getText()).isEqualTo("Signed in as " + ADMIN_ID);
        assertThat(browser.findAll("#nav a")).extracting(WebElement::getText)
                .containsExactly("API keys", "Usage plans", "Usage", "Audit log");
        assertThat(keyRow("StudentApiKey").getText()).contains("StudentUsagePlan");
        assertThat(browser.find("#key-search").getAttribute("value")).isEmpty();
    }

    @Test
    void aKeyCreatedInTheConsoleShowsItsValueOnceAndTheDataPlaneObeysIt() {
        signIn();
        String value = createKey("console-key");
        assertThat(value).hasSize(40);
        assertThat(browser.find("label[for=key-created-value]").getText()).isEqualTo("API key value");
        assertThat(browser.find("#key-created-copy").getText()).isEqualTo("Copy");
        assertThat(browser.find("#key-created-warning").getText()).contains("cannot be shown again");
        browser.screenshot(testName + "-value-once");
        assertThat(dataPlane(value).statusCode()).as("on no plan yet").isEqualTo(403);

        browser.reload();
        keyRow("console-key");
        assertThat(browser.find("#key-created").isDisplayed()).isFalse();
        assertThat(browser.find("#key-created-value").getAttribute("value")).isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain(value);
        assertThat(browser.script("return document.body.innerText")).asString().doesNotContain(value);

        go("Usage plans", "plans");
        addKeyToPlan("console-key", "StudentUsagePlan");
        assertThat(dataPlane(value).statusCode()).isEqualTo(200);
        assertThat(dataPlane(value).statusCode()).isEqualTo(200);

        go("API keys", "keys");
        keyRow("console-key").findElement(By.cssSelector("[data-action=toggle]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "API key 'console-key' is disabled."));
        assertThat(dataPlane(value).statusCode()).isEqualTo(403);
        assertThat(keyRow("console-key").getText()).contains("No");

        go("Usage", "usage");
        new Select(browser.find("#usage-plan")).selectByVisibleText("StudentUsagePlan");
        Select key = new Select(browser.find("#usage-key"));
        key.selectByVisibleText(key.getOptions().stream().map(WebElement::getText)
                .filter(text -> text.startsWith("console-key (")).findFirst().orElseThrow());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.wait.until(d -> "2".equals(browser.script(
                "const r = document.querySelector('#usage-table tr[data-day=\"" + today + "\"] td:nth-child(2)');"
                        + "return r && r.textContent")));
        assertThat(browser.script("return JSON.parse(document.getElementById('usage-chart').dataset.requests).at(-1)"))
                .isEqualTo(2L);
        assertThat(browser.findAll("#usage-chart canvas")).isNotEmpty();
        assertThat(browser.find("#usage-chart").getAttribute("aria-label")).isEqualTo("Requests per day");
        assertThat(browser.find("#usage-remaining").getText()).isEqualTo("998");
    }

    @Test
    void theUsagePageOpensOnTheFirstPlanAndItsFirstKeyOverTheLast30Days() {
        for (int i = 0; i < 3; i++) {
            assertThat(dataPlane(server.key()).statusCode()).isEqualTo(200);
        }
        signIn();
        go("Usage", "usage");
        browser.wait.until(d -> browser.findAll("#usage-table tbody tr").size() == 30);
        assertThat(new Select(browser.find("#usage-plan")).getFirstSelectedOption().getText()).isEqualTo("StudentUsagePlan");
        assertThat(new Select(browser.find("#usage-key")).getFirstSelectedOption().getText()).startsWith("StudentApiKey (");
        assertThat(browser.find("#usage-to").getAttribute("value")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(browser.find("#usage-remaining").getText()).isEqualTo("997");

        browser.find("#grant-requests").sendKeys("2");
        browser.find("#grant-reason").sendKeys("exam week");
        browser.find("#grant-form button[type=submit]").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Granted 2 requests; 999 remain now."));
        browser.wait.until(ExpectedConditions.textToBe(By.id("usage-remaining"), "999")); // refreshed after the grant
    }

    @Test
    void aPlanIsRefusedNextToItsFieldAndCreatedOnceValid() {
        signIn();
        go("Usage plans", "plans");
        planCard("StudentUsagePlan");
        browser.find("#plan-create-open").click();
        browser.visible("#plan-name").sendKeys("exam-plan");
        browser.find("#plan-rate").sendKeys("5");
        browser.find("#plan-form button[type=submit]").click();

        WebElement burstOrRate = browser.visible("#plan-rate-error");
        assertThat(burstOrRate.getText()).isEqualTo("A throttle needs both rateLimit and burstLimit.");
        assertThat(browser.find("#plan-rate").getAttribute("aria-invalid")).isEqualTo("true");

        browser.find("#plan-burst").sendKeys("10");
        browser.find("#plan-requests").sendKeys("100");
        new Select(browser.find("#plan-period")).selectByValue("WEEK");
        browser.find("#plan-offset").clear();
        browser.find("#plan-offset").sendKeys("9");
        browser.find("#plan-form button[type=submit]").click();
        assertThat(browser.visible("#plan-offset-error").getText()).isEqualTo("quota offset for WEEK must be between 0 and 6");

        browser.find("#plan-offset").clear();
        browser.find("#plan-offset").sendKeys("1");
        browser.find("#plan-form button[type=submit]").click();
        assertThat(planCard("exam-plan").getText()).contains("5 requests/s, burst 10", "100 requests per WEEK, offset 1", "student:prod");
    }

    @Test
    void aChangePostedFromAnotherOriginWithoutTheTokenIsRefused() {
        signIn();
        keyRow("StudentApiKey");
        // The data plane's port is another origin of the same site, so the SameSite=Strict cookie goes along.
        browser.driver.get(server.url("/favicon.svg").toString());
        Object status = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { method: 'POST', mode: 'no-cors', credentials: 'include',
                    headers: { 'Content-Type': 'text/plain' }, body: '{"name":"forged-key","enabled":true}' })
                  .then((r) => done(r.type)).catch((e) => done('failed: ' + e));
                """, server.server().controlPlaneEndpoint().resolve("/apikeys").toString());
        assertThat(status).isEqualTo("opaque");

        browser.driver.get(consoleUrl().toString());
        keyRow("StudentApiKey");
        assertThat(browser.find("#keys-table").getText()).doesNotContain("forged-key");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn();
        keyRow("StudentApiKey");
        browser.find("#sign-out").click();
        browser.visible("#signin-form");
        assertThat(browser.find("#messages").getText()).isEqualTo("You have signed out.");
        assertThat(browser.find("#nav").isDisplayed()).isFalse();

        browser.reload();
        assertThat(browser.visible("#signin-form").isDisplayed()).isTrue();
        assertThat(browser.find("#page-keys").isDisplayed()).isFalse();
    }

    @Test
    void signingInWorksWithTheKeyboardAloneAndTheConsoleSpeaksVietnamese() {
        browser.find("#signin-id").click();
        browser.focused().sendKeys(ADMIN_ID, Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("signin-secret");
        browser.focused().sendKeys(ADMIN_SECRET, Keys.ENTER);
        browser.visible("#nav");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("keys-heading");

        new Select(browser.find("#language")).selectByValue("vi");
        assertThat(browser.findAll("#nav a")).extracting(WebElement::getText)
                .containsExactly("Khóa API", "Gói sử dụng", "Mức sử dụng", "Nhật ký thay đổi");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.find("#key-create-open").getText()).isEqualTo("Tạo khóa API");
        browser.reload();
        assertThat(browser.visible("#keys-heading").getText()).isEqualTo("Khóa API");
        new Select(browser.find("#language")).selectByValue("en");
    }
}
