package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core reports no serious or critical WCAG 2.1 A or AA violation on any page of the console, in English and
 * in Vietnamese, with its forms and dialogs open; and on a 360 px phone nothing is wider than the screen.
 */
class ConsoleAccessibilityPageTest extends ConsolePageBase {

    private void noViolations(String state) {
        assertThat(seriousAccessibilityViolations(state)).as("axe-core on the console: " + state).isEmpty();
    }

    @Test
    void everyPageInBothLanguages() {
        noViolations("sign-in");
        signIn(ADMIN_ID, "wrong-secret");
        browser.visible("#signin-error");
        noViolations("sign-in-refused");
        signIn();

        for (String language : new String[] {"en", "vi"}) {
            browser.script("document.getElementById('language').value = arguments[0];"
                    + "document.getElementById('language').dispatchEvent(new Event('change'));", language);
            browser.find("a[data-page=keys]").click();
            keyRow("StudentApiKey");
            noViolations(language + "-keys");
            browser.find("#key-create-open").click();
            browser.visible("#key-name").sendKeys("axe-key");
            browser.find("input[name=valueKind][value=custom]").click();
            browser.find("#key-value").sendKeys("short");
            browser.find("#key-create button[type=submit]").click();
            browser.visible("#key-value-error");
            noViolations(language + "-keys-create-refused");
            browser.find("#key-create-cancel").click();

            keyRow("StudentApiKey").findElement(By.cssSelector("[data-action=delete]")).click();
            browser.visible("#confirm-ok");
            noViolations(language + "-keys-delete-dialog");
            browser.find("#confirm button[value=cancel]").click();

            browser.find("a[data-page=plans]").click();
            planCard("StudentUsagePlan");
            browser.find("#plan-create-open").click();
            browser.visible("#plan-name");
            noViolations(language + "-plans-form");
            browser.find("#plan-form-cancel").click();

            browser.find("a[data-page=usage]").click();
            browser.wait.until(d -> browser.findAll("#usage-table tbody tr").size() == 30);
            browser.find("#usage-result details summary").click();
            noViolations(language + "-usage");

            browser.find("a[data-page=audit]").click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form")));
            browser.wait.until(d -> browser.find("#audit-empty").isDisplayed() || !browser.findAll("#audit-table tbody tr").isEmpty());
            noViolations(language + "-audit");
        }
        browser.script("document.getElementById('language').value = 'en';"
                + "document.getElementById('language').dispatchEvent(new Event('change'));");
    }

    @Test
    void onA360PixelPhoneNoPageIsWiderThanTheScreen() {
        try (Browser phone = Browser.phone()) {
            phone.open(consoleUrl());
            phone.driver.manage().deleteAllCookies();
            phone.reload();
            phone.visible("#signin-id").sendKeys(ADMIN_ID);
            phone.find("#signin-secret").sendKeys(ADMIN_SECRET);
            phone.find("#signin-submit").click();
            phone.visible("#nav");
            for (String page : new String[] {"keys", "plans", "usage", "audit"}) {
                phone.find("a[data-page=" + page + "]").click();
                phone.visible("#page-" + page);
                phone.wait.until(d -> !phone.findAll("#page-" + page + " tbody tr, #page-" + page + " article").isEmpty()
                        || page.equals("audit"));
                phone.screenshot(testName + "-phone-" + page);
                assertThat(phone.script("return document.documentElement.scrollWidth")).as(page)
                        .isEqualTo(phone.script("return document.documentElement.clientWidth"));
            }
        }
    }
}
