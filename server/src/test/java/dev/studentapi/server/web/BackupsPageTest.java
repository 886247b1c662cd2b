package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Backups panel: the list, a download with a fresh link, and restores by merge and by replace. */
class BackupsPageTest extends RecordsPageBase {

    static String backup;

    @BeforeAll
    static void oneBackupOfTwoStudents() {
        seed("BK001", "Trưng Trắc");
        seed("BK002", "Trưng Nhị");
        HttpResponse<String> answer = server.post("/prod/backup", null, server.key());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String key = Json.parse(answer.body()).path("key").asText();
        backup = key.substring(key.lastIndexOf('/') + 1);
    }

    private WebElement backupRow(String name) {
        page.button("Show backups").click();
        return browser.wait.until(d -> browser.findAll("#backups-body tr").stream()
                .filter(tr -> name.equals(tr.getAttribute("data-backup"))).findFirst().orElse(null));
    }

    private void restore(String mode) {
        backupRow(backup);
        page.button("Restore " + backup).click();
        browser.visible("#restore-dialog");
        browser.find("#restore-" + mode).click();
    }

    /** The safety backup the message names is in the list, which was reloaded after the restore. */
    private void assertSafetyBackupListed(String message) {
        java.util.regex.Matcher safety = java.util.regex.Pattern.compile("saved as (backup-[0-9a-z-]+\\.json)").matcher(message);
        assertThat(safety.find()).isTrue();
        browser.wait.until(d -> browser.findAll("#backups-body tr").stream()
                .anyMatch(tr -> safety.group(1).equals(tr.getAttribute("data-backup"))));
    }

    private String students() {
        return server.get("/prod/students", server.key()).body();
    }

    @Test
    void listsTheBackupsWithTheirTimeCountAndSize() {
        page.connectAndLoad(server.key());

        WebElement row = backupRow(backup);

        assertThat(row.findElement(By.cssSelector("td[data-column='name']")).getText()).isEqualTo(backup);
        assertThat(row.findElement(By.cssSelector("td[data-column='count']")).getText()).isEqualTo("2");
        assertThat(row.findElement(By.cssSelector("td[data-column='bytes']")).getText()).matches("\\d+ bytes");
        assertThat(row.findElement(By.cssSelector("td[data-column='time']")).getText()).matches(".*\\d{4}.*");
        assertThat(browser.find("#backups-table thead").getText()).contains("File", "Made", "Students", "Size");

        page.chooseLanguage("Tiếng Việt");
        assertThat(browser.find("#backups-table thead").getText()).contains("Tệp", "Thời điểm", "Số sinh viên", "Dung lượng");
        assertThat(page.button("Khôi phục " + backup).isDisplayed()).isTrue();
        assertThat(page.button("Tải xuống " + backup).isDisplayed()).isTrue();
        browser.screenshot(testName + "-vi");
        page.chooseLanguage("English");
    }

    @Test
    void downloadsABackupThroughAFreshLink() throws Exception {
        page.connectAndLoad(server.key());
        backupRow(backup);

        page.button("Download " + backup).click();

        WebElement message = page.waitForMessage("backups-messages", "success", "The download of ");
        assertThat(message.getText()).contains("The download of " + backup + " has started.", "The link works until");
        String href = message.findElement(By.linkText("Download " + backup + " again")).getAttribute("href");
        HttpResponse<String> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Json.parse(download.body()).findValuesAsText("studentid")).containsExactly("BK001", "BK002");
    }

    @Test
    void aMergeRestoreBringsBackWhatIsMissingAndNamesTheSafetyBackup() {
        call("DELETE", "/prod/students/BK002", null, null);
        seed("BK003", "Added Later " + System.nanoTime() % 1000);
        page.connectAndLoad(server.key());

        restore("merge");
        assertThat(browser.find("#restore-title").getText()).isEqualTo("Restore " + backup + "?");
        assertThat(browser.find("#restore-effect").getText()).contains("every student stored now stays as it is");
        browser.screenshot(testName + "-confirm");
        page.button("Add missing students").click();

        WebElement done = page.waitForMessage("backups-messages", "success", "Merged ");
        assertThat(done.getText()).contains("Merged " + backup + " into the students.")
                .containsPattern("saved as backup-[0-9a-z-]+\\.json: restore it to undo");
        assertSafetyBackupListed(done.getText());
        assertThat(students()).contains("BK001", "BK002", "BK003");
        page.row("BK002");
    }

    @Test
    void aReplaceRestoreSaysWhatWillBeReplacedAndMakesTheListExactlyTheBackup() {
        seed("BK004", "Added After The Backup");
        call("PATCH", "/prod/students/BK001", "application/json", "{\"name\":\"Changed Since\"}");
        page.connectAndLoad(server.key());
        int stored = Json.parse(students()).size();

        restore("replace");

        assertThat(browser.find("#restore-effect").getText()).isEqualTo(("The %d students stored now are replaced by "
                + "the 2 students of the backup: students added since are deleted and changed ones are set back.").formatted(stored));
        assertThat(browser.find("#restore-dialog").getAccessibleName()).isEqualTo("Restore " + backup + "?");
        browser.screenshot(testName + "-confirm");
        page.button("Replace all students").click();

        WebElement done = page.waitForMessage("backups-messages", "success", "The students are now exactly ");
        assertThat(done.getText()).contains("The students are now exactly " + backup + ".")
                .containsPattern("saved as backup-[0-9a-z-]+\\.json: restore it to undo");
        assertSafetyBackupListed(done.getText());
        assertThat(Json.parse(students()).findValuesAsText("studentid")).containsExactly("BK001", "BK002");
        assertThat(Json.parse(students()).findValuesAsText("name")).containsExactly("Trưng Trắc", "Trưng Nhị");
        browser.wait.until(d -> browser.findAll("#students-body tr[data-studentid='BK004']").isEmpty());
    }
}
