package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the console shows beyond AWS, over the control plane's /studentapi routes: rotation without downtime,
 * when each key was last used, and the audit log of who changed what (console, SDK or CLI).
 */
class ConsoleAuditPageTest extends ConsolePageBase {

    @Test
    void rotatingAKeyMakesAReplacementOnTheSamePlansAndLeavesTheOldOneEnabled() {
        signIn();
        String old = createKey("rotate-me");
        browser.find("#key-created-done").click();
        go("Usage plans", "plans");
        addKeyToPlan("rotate-me", "StudentUsagePlan");
        go("API keys", "keys");

        keyRow("rotate-me").findElement(By.cssSelector("[data-action=rotate]")).click();
        assertThat(browser.visible("#confirm-text").getText()).contains("StudentUsagePlan");
        confirm();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-created-message"),
                "Successfully created API key '"));
        String replacement = browser.find("#key-created-value").getAttribute("value");
        browser.screenshot(testName + "-rotated");

        assertThat(replacement).isNotEqualTo(old).hasSizeGreaterThanOrEqualTo(20);
        assertThat(dataPlane(replacement).statusCode()).isEqualTo(200);
        assertThat(dataPlane(old).statusCode()).as("the old key still works until disabled").isEqualTo(200);
        browser.wait.until(d -> rowsOnPlan("StudentUsagePlan") >= 3);
    }

    private long rowsOnPlan(String plan) {
        return browser.findAll("#keys-table tbody tr").stream()
                .filter(row -> row.findElements(By.cssSelector("td")).get(7).getText().contains(plan)).count();
    }

    @Test
    void aKeysLastUseIsShownOnceTheDataPlaneAdmittedIt() {
        signIn();
        String value = createKey("used-key");
        go("Usage plans", "plans");
        addKeyToPlan("used-key", "StudentUsagePlan");
        go("API keys", "keys");
        assertThat(lastUsed("used-key")).isEqualTo("Never");

        assertThat(dataPlane(value).statusCode()).isEqualTo(200);
        browser.reload();

        assertThat(lastUsed("used-key")).isNotEqualTo("Never").endsWith("UTC");
    }

    private String lastUsed(String name) {
        return keyRow(name).findElements(By.cssSelector("td")).get(5).getText();
    }

    @Test
    void theAuditLogListsEveryChangeNewestFirstWithWhoMadeIt() {
        signIn();
        createKey("audited-key");
        String keyId = keyRow("audited-key").getAttribute("data-key-id");
        keyRow("audited-key").findElement(By.cssSelector("[data-action=toggle]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is disabled."));
        go("Usage plans", "plans");
        addKeyToPlan("audited-key", "StudentUsagePlan");
        String planId = planCard("StudentUsagePlan").getAttribute("data-plan-id");
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"plans", "create", "--name", "cli-plan"}, Map.of("DATA_DIR", dataDir.toString()),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(status).as(err.toString()).isZero();

        go("Audit log", "audit");
        browser.wait.until(d -> !browser.findAll("#audit-table tbody tr").isEmpty());
        List<WebElement> rows = browser.findAll("#audit-table tbody tr");
        assertThat(rows.get(0).getAttribute("data-operation")).isEqualTo("CreateUsagePlan");
        assertThat(rows.get(0).getAttribute("data-who")).isEqualTo("cli");
        assertThat(rows.get(1).getAttribute("data-operation")).isEqualTo("CreateUsagePlanKey");
        assertThat(rows.get(1).getAttribute("data-target")).isEqualTo(planId + ":" + keyId);
        assertThat(rows.get(1).getAttribute("data-who")).isEqualTo(ADMIN_ID);

        browser.find("#audit-target").sendKeys(keyId);
        browser.find("#audit-form button[type=submit]").click();
        browser.wait.until(d -> browser.findAll("#audit-table tbody tr").size() == 2);
        assertThat(browser.findAll("#audit-table tbody tr")).extracting(row -> row.getAttribute("data-operation"))
                .containsExactly("UpdateApiKey", "CreateApiKey");
        assertThat(browser.findAll("#audit-table tbody tr")).extracting(row -> row.getAttribute("data-who"))
                .containsOnly(ADMIN_ID);
        assertThat(browser.find("#audit-table").getText()).contains("enabled: false");

        browser.find("#audit-target").clear();
        browser.find("#audit-who").sendKeys("cli");
        browser.find("#audit-form button[type=submit]").click();
        browser.wait.until(d -> browser.findAll("#audit-table tbody tr").stream()
                .allMatch(row -> "cli".equals(row.getAttribute("data-who"))));
        assertThat(browser.find("#audit-table").getText()).contains("CreateUsagePlan");
    }
}
