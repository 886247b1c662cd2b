package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studentapi.server.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Editing a student in its dialog and deleting one after a confirmation, both naming the student, with If-Match. */
class EditAndDeletePageTest extends RecordsPageBase {

    private WebElement dialog(String id) {
        return browser.visible("#" + id);
    }

    private String stored(String id) {
        return server.get("/prod/students/" + id, server.key()).body();
    }

    /** Waits until the edit dialog has read the stored student (its fields are enabled). */
    private void waitUntilEditable() {
        browser.wait.until(d -> browser.find("#edit-name").isEnabled());
    }

    @Test
    void editsAStudentInADialogThatNamesIt() {
        seed("EDIT01", "Lê Văn Tám");
        page.connectAndLoad(server.key());

        page.button("Edit Lê Văn Tám (EDIT01)").click();

        WebElement dialog = dialog("edit-dialog");
        assertThat(browser.find("#edit-title").getText()).isEqualTo("Edit Lê Văn Tám (EDIT01)");
        assertThat(dialog.getAccessibleName()).isEqualTo("Edit Lê Văn Tám (EDIT01)");
        waitUntilEditable();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("edit-name");
        assertThat(browser.find("#edit-class").getAttribute("value")).isEqualTo("CNTT1");
        browser.screenshot(testName + "-dialog");

        WebElement name = browser.find("#edit-name");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Lê Văn Tám Mới");
        WebElement className = browser.find("#edit-class");
        className.sendKeys(Keys.chord(Keys.CONTROL, "a"), "21DTHA1", Keys.ENTER);

        browser.wait.until(d -> !dialog.isDisplayed());
        assertThat(page.waitForMessage("list-messages", "success", "Saved the changes to Lê Văn Tám Mới (EDIT01).").getText())
                .contains("Saved the changes to Lê Văn Tám Mới (EDIT01).");
        assertThat(page.row("EDIT01").getText()).contains("Lê Văn Tám Mới", "21DTHA1");
        assertThat(Json.parse(stored("EDIT01")).path("class").asText()).isEqualTo("21DTHA1");
        assertThat(browser.focused().getAccessibleName()).as("focus goes back to the row's button")
                .isEqualTo("Edit Lê Văn Tám Mới (EDIT01)");
    }

    @Test
    void aChangeSomeoneElseMadeMeanwhileIsShownNotOverwritten() {
        seed("EDIT02", "Trần Thị Hoa");
        page.connectAndLoad(server.key());
        page.button("Edit Trần Thị Hoa (EDIT02)").click();
        waitUntilEditable();

        // Another registrar saves first.
        HttpResponse<String> other = call("PATCH", "/prod/students/EDIT02", "application/merge-patch+json",
                "{\"email\":\"hoa.new@example.com\"}");
        assertThat(other.statusCode()).isEqualTo(200);

        browser.find("#edit-class").sendKeys(Keys.chord(Keys.CONTROL, "a"), "CNTT9");
        page.button("Save changes").click();

        WebElement warning = page.waitForMessage("edit-messages", "warning", "Someone else changed Trần Thị Hoa (EDIT02) while you were editing.");
        assertThat(warning.getText()).contains("Someone else changed Trần Thị Hoa (EDIT02) while you were editing.");
        assertThat(warning.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.find("#edit-email").getAttribute("value")).as("the stored version is shown")
                .isEqualTo("hoa.new@example.com");
        assertThat(browser.find("#edit-class").getAttribute("value")).isEqualTo("CNTT1");
        assertThat(page.row("EDIT02").getText()).as("the row was reloaded").contains("hoa.new@example.com");
        assertThat(Json.parse(stored("EDIT02")).path("class").asText()).as("nothing was overwritten").isEqualTo("CNTT1");
        browser.screenshot(testName + "-changed");

        browser.find("#edit-class").sendKeys(Keys.chord(Keys.CONTROL, "a"), "CNTT9");
        page.button("Save changes").click();
        browser.wait.until(d -> !browser.find("#edit-dialog").isDisplayed());
        assertThat(Json.parse(stored("EDIT02")).path("class").asText()).isEqualTo("CNTT9");
        assertThat(Json.parse(stored("EDIT02")).path("email").asText()).isEqualTo("hoa.new@example.com");
    }

    @Test
    void theServersFieldErrorsAppearInTheDialog() {
        seed("EDIT03", "Phạm Minh");
        page.connectAndLoad(server.key());
        page.button("Edit Phạm Minh (EDIT03)").click();
        waitUntilEditable();

        browser.find("#edit-email").sendKeys(Keys.chord(Keys.CONTROL, "a"), "not-an-address", Keys.ENTER);

        assertThat(browser.visible("#edit-email-error").getText()).isEqualTo("Enter an e-mail address like name@example.com.");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("edit-email");
        browser.find("#edit-email").sendKeys(Keys.ESCAPE);
        browser.wait.until(d -> !browser.find("#edit-dialog").isDisplayed());
        assertThat(stored("EDIT03")).contains("edit03@example.com");
    }

    @Test
    void deletesOnlyAfterAConfirmationThatNamesTheStudent() {
        seed("DEL001", "Võ Thị Sáu");
        page.connectAndLoad(server.key());

        page.button("Delete Võ Thị Sáu (DEL001)").click();
        WebElement dialog = dialog("delete-dialog");
        assertThat(dialog.getAttribute("role")).isEqualTo("alertdialog");
        assertThat(dialog.getAccessibleName()).isEqualTo("Delete Võ Thị Sáu (DEL001)?");
        assertThat(browser.focused().getText()).as("the safe choice has the focus").isEqualTo("Cancel");
        browser.screenshot(testName + "-confirm");

        page.button("Cancel").click();
        browser.wait.until(d -> !dialog.isDisplayed());
        assertThat(server.get("/prod/students/DEL001", server.key()).statusCode()).isEqualTo(200);

        page.button("Delete Võ Thị Sáu (DEL001)").click();
        browser.wait.until(d -> !"true".equals(browser.find("#delete-confirm").getAttribute("aria-busy")));
        page.button("Delete student").click();

        browser.wait.until(d -> !dialog.isDisplayed());
        assertThat(page.waitForMessage("list-messages", "success", "Deleted Võ Thị Sáu (DEL001).").getText())
                .contains("Deleted Võ Thị Sáu (DEL001).");
        assertThat(browser.findAll("#students-body tr[data-studentid='DEL001']")).isEmpty();
        assertThat(server.get("/prod/students/DEL001", server.key()).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeleteAfterSomeoneElsesChangeAsksAgain() {
        seed("DEL002", "Nguyễn Văn Cừ");
        page.connectAndLoad(server.key());
        page.button("Delete Nguyễn Văn Cừ (DEL002)").click();
        browser.wait.until(d -> !"true".equals(browser.find("#delete-confirm").getAttribute("aria-busy")));

        assertThat(call("PATCH", "/prod/students/DEL002", "application/json", "{\"name\":\"Nguyễn Văn Cừ II\"}")
                .statusCode()).isEqualTo(200);
        page.button("Delete student").click();

        assertThat(page.waitForMessage("delete-messages", "warning", "Someone else changed Nguyễn Văn Cừ II (DEL002) since you opened this, so nothing was deleted.").getText())
                .contains("Someone else changed Nguyễn Văn Cừ II (DEL002) since you opened this, so nothing was deleted.");
        assertThat(browser.find("#delete-title").getText()).isEqualTo("Delete Nguyễn Văn Cừ II (DEL002)?");
        assertThat(page.row("DEL002").getText()).contains("Nguyễn Văn Cừ II");
        assertThat(server.get("/prod/students/DEL002", server.key()).statusCode()).isEqualTo(200);

        page.button("Delete student").click();
        browser.wait.until(d -> !browser.find("#delete-dialog").isDisplayed());
        assertThat(server.get("/prod/students/DEL002", server.key()).statusCode()).isEqualTo(404);
    }

    @Test
    void aStudentDeletedElsewhereIsTakenOutOfTheList() {
        seed("DEL003", "Lý Tự Trọng");
        page.connectAndLoad(server.key());
        assertThat(call("DELETE", "/prod/students/DEL003", null, null).statusCode()).isEqualTo(204);

        page.button("Edit Lý Tự Trọng (DEL003)").click();

        assertThat(page.waitForMessage("list-messages", "warning", "Lý Tự Trọng (DEL003) was deleted by someone else.").getText())
                .contains("Lý Tự Trọng (DEL003) was deleted by someone else.");
        assertThat(browser.find("#edit-dialog").isDisplayed()).isFalse();
        browser.wait.until(d -> browser.findAll("#students-body tr[data-studentid='DEL003']").isEmpty());
    }

    @Test
    void theDialogsWorkWithTheKeyboardAlone() {
        seed("KEYS01", "Bàn Phím");
        page.connectAndLoad(server.key());
        WebElement edit = page.button("Edit Bàn Phím (KEYS01)");
        browser.script("arguments[0].focus()", edit);

        browser.focused().sendKeys(Keys.ENTER);
        waitUntilEditable();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("edit-name");
        browser.focused().sendKeys(Keys.ESCAPE);

        browser.wait.until(d -> !browser.find("#edit-dialog").isDisplayed());
        assertThat(browser.focused().getAccessibleName()).isEqualTo("Edit Bàn Phím (KEYS01)");
        browser.focused().sendKeys(Keys.TAB);
        assertThat(browser.focused().getAccessibleName()).isEqualTo("Delete Bàn Phím (KEYS01)");
        browser.focused().sendKeys(Keys.ENTER);
        browser.wait.until(d -> "delete-cancel".equals(browser.focused().getAttribute("id")));
        browser.focused().sendKeys(Keys.ENTER);
        browser.wait.until(d -> !browser.find("#delete-dialog").isDisplayed());
        assertThat(browser.focused().getAccessibleName()).isEqualTo("Delete Bàn Phím (KEYS01)");
        assertThat(server.get("/prod/students/KEYS01", server.key()).statusCode()).isEqualTo(200);
    }

    @Test
    void theDialogsSpeakVietnamese() {
        seed("EDITVI", "Hồ Xuân Hương");
        page.connectAndLoad(server.key()).chooseLanguage("Tiếng Việt");

        page.button("Sửa Hồ Xuân Hương (EDITVI)").click();
        assertThat(browser.visible("#edit-title").getText()).isEqualTo("Sửa Hồ Xuân Hương (EDITVI)");
        assertThat(page.button("Lưu thay đổi").isDisplayed()).isTrue();
        page.button("Hủy").click();

        page.button("Xóa Hồ Xuân Hương (EDITVI)").click();
        assertThat(browser.visible("#delete-title").getText()).isEqualTo("Xóa Hồ Xuân Hương (EDITVI)?");
        browser.screenshot(testName + "-vi");
        page.button("Hủy").click();
        page.chooseLanguage("English");
    }
}
