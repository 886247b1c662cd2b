package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** axe-core finds no WCAG 2.1 A or AA violation on the page in its main states, in both languages. */
class AccessibilityPageTest extends RecordsPageBase {

    @TempDir
    Path files;

    private void noViolations(String state) {
        browser.screenshot(testName + "-" + state);
        assertThat(browser.accessibilityViolations()).as("axe-core on the page: " + state).isEmpty();
    }

    @Test
    void beforeConnectingAndWithTheList() {
        noViolations("no-key");
        seed("AXE001", "Nguyễn Thị Minh Khai");
        page.connectAndLoad(server.key());
        noViolations("list");
        page.chooseLanguage("Tiếng Việt");
        noViolations("list-vi");
        page.chooseLanguage("English");
        page.connect("wrong-key-0123456789abcdef");
        page.waitForMessage("connection-messages", "error");
        noViolations("refused-key");
    }

    @Test
    void withTheEditAndDeleteDialogsOpen() {
        seed("AXE002", "Lê Lai");
        page.connectAndLoad(server.key());
        page.button("Edit Lê Lai (AXE002)").click();
        browser.wait.until(d -> browser.find("#edit-name").isEnabled());
        noViolations("edit");
        page.button("Cancel").click();
        page.button("Delete Lê Lai (AXE002)").click();
        browser.visible("#delete-dialog");
        noViolations("delete");
        page.button("Cancel").click();
    }

    @Test
    void withAnImportPreviewAndItsRowErrors() throws IOException {
        page.connectAndLoad(server.key());
        Path file = Files.writeString(files.resolve("errors.csv"),
                "studentid,name,class,birthdate,email\r\nAXE 3,Bad Id,CNTT1,2003-01-01,axe3@example.com\r\n");
        browser.find("#import-file").sendKeys(file.toString());
        browser.visible("#import-preview table");
        page.button("Check file").click();
        browser.visible("#import-errors table");
        noViolations("import-errors");
    }

    @Test
    void withTheBackupsAndTheRestoreConfirmation() {
        seed("AXE004", "Bà Triệu");
        assertThat(server.post("/prod/backup", null, server.key()).statusCode()).isEqualTo(200);
        page.connectAndLoad(server.key());
        page.button("Show backups").click();
        browser.visible("#backups-table");
        noViolations("backups");
        browser.findAll("#backups-body button[data-action='restore']").get(0).click();
        browser.visible("#restore-dialog");
        browser.find("#restore-replace").click();
        noViolations("restore");
    }
}
