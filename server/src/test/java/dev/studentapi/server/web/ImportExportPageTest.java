package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The CSV import (preview, check with the row errors, import) and the CSV export of the filtered students. */
class ImportExportPageTest extends RecordsPageBase {

    @TempDir
    Path files;

    private Path csv(String name, String... lines) throws IOException {
        return Files.writeString(files.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    private void choose(Path file) {
        browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
    }

    /** The cells of a small table, row by row (header row excluded). */
    private List<List<String>> cells(String table) {
        return browser.findAll(table + " tbody tr").stream()
                .map(tr -> tr.findElements(org.openqa.selenium.By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    @Test
    void previewsChecksShowsTheRowErrorsAndImportsOnlyAValidFile() throws IOException {
        page.connectAndLoad(server.key());
        Path bad = csv("term.csv",
                "name,studentid,class,birthdate,email",
                "Đỗ Mười,IMP001,CNTT1,2003-04-05,imp001@example.edu.vn",
                "\"Lê, Thị Bé\",IMP002,CNTT1,2003-02-30,imp002@example.edu.vn",
                "Trương Định,IMP001,CNTT2,2003-01-01,imp003@example.edu.vn",
                "Phan Bội Châu,IMP004,CNTT2,2003-01-01,not-an-address");

        choose(bad);

        WebElement preview = browser.visible("#import-preview table");
        assertThat(preview.findElement(org.openqa.selenium.By.tagName("caption")).getText()).isEqualTo("term.csv: its 4 rows");
        assertThat(cells("#import-preview").get(1)).containsExactly("Lê, Thị Bé", "IMP002", "CNTT1", "2003-02-30", "imp002@example.edu.vn");
        assertThat(page.button("Import").isEnabled()).as("only after a check").isFalse();

        page.button("Check file").click();

        assertThat(page.waitForMessage("import-messages", "error", "3 problems found: nothing would be imported.").getText())
                .contains("3 problems found: nothing would be imported.");
        browser.visible("#import-errors table");
        assertThat(cells("#import-errors")).containsExactlyInAnyOrder(
                List.of("2", "Birthdate", "Enter a real date (YYYY-MM-DD)."),
                List.of("3", "Student ID", "This Student ID is in the file more than once."),
                List.of("4", "Email", "Enter an e-mail address like name@example.com."));
        assertThat(page.button("Import").isEnabled()).isFalse();
        browser.screenshot(testName + "-errors");

        page.chooseLanguage("Tiếng Việt");
        assertThat(cells("#import-errors").get(1)).containsExactly("3", "Mã sinh viên", "Mã sinh viên này xuất hiện nhiều lần trong tệp.");
        page.chooseLanguage("English");

        Path good = csv("fixed.csv",
                "name,studentid,class,birthdate,email",
                "Đỗ Mười,IMP001,CNTT1,2003-04-05,imp001@example.edu.vn",
                "\"Lê, Thị Bé\",IMP002,CNTT1,2003-02-28,imp002@example.edu.vn",
                "Trương Định,IMP003,CNTT2,2003-01-01,imp003@example.edu.vn");
        choose(good);
        assertThat(browser.find("#import-errors").isDisplayed()).as("a new file clears the old errors").isFalse();
        page.button("Check file").click();
        assertThat(page.waitForMessage("import-messages", "success", "fixed.csv can be imported.").getText())
                .contains("fixed.csv can be imported.", "It would add 3, replace 0 and keep 0 stored students.");
        assertThat(server.get("/prod/students", server.key()).body()).as("a check stores nothing").doesNotContain("IMP001");

        page.button("Import").click();

        browser.wait.until(d -> page.messageText("import-messages").contains("Imported fixed.csv."));
        assertThat(page.messageText("import-messages")).contains("Added 3, replaced 0, kept 0 stored students.");
        assertThat(page.row("IMP002").getText()).contains("Lê, Thị Bé");
        assertThat(server.get("/prod/students", server.key()).body()).contains("IMP001", "IMP002", "IMP003");
    }

    @Test
    void anIdAlreadyStoredIsRefusedUnlessTheFileMayReplaceIt() throws IOException {
        seed("IMP100", "Stored Before");
        page.connectAndLoad(server.key());
        choose(csv("again.csv", "studentid,name,class,birthdate,email", "IMP100,Replaced Name,CNTT3,2001-01-01,imp100@example.com"));

        page.button("Check file").click();
        page.waitForMessage("import-messages", "error");
        assertThat(cells("#import-errors")).containsExactly(List.of("1", "Student ID", "This Student ID is already stored."));

        new Select(browser.find("#import-conflict")).selectByVisibleText("Replace it with the file's row");
        page.button("Check file").click();
        assertThat(page.waitForMessage("import-messages", "success", "It would add 0, replace 1 and keep 0").getText())
                .contains("It would add 0, replace 1 and keep 0");
        page.button("Import").click();
        browser.wait.until(d -> page.messageText("import-messages").contains("Imported again.csv."));
        browser.wait.until(d -> page.row("IMP100").getText().contains("Replaced Name"));
    }

    @Test
    void exportsTheFilteredStudentsAsCsvWithTheKey() throws IOException {
        seed("EXP001", "Export Một");
        seed("EXP002", "Export Hai");
        seed("OTHER1", "Somebody Else");
        Path downloads = Files.createDirectories(files.resolve("downloads"));
        browser.downloadInto(downloads);
        page.connectAndLoad(server.key()).search("export");

        page.button("Export CSV").click();

        assertThat(page.waitForMessage("list-messages", "success").getText())
                .matches("(?s).*Saved the students matching “export” as students-\\d{4}-\\d{2}-\\d{2}\\.csv\\..*");
        browser.wait.until(d -> csvFiles(downloads).size() == 1);
        Path file = csvFiles(downloads).get(0);
        browser.wait.until(d -> readable(file).contains("EXP002"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("studentid,name,class,birthdate,email");
        assertThat(lines.subList(1, lines.size())).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("EXP00"));
        assertThat(String.join("\n", lines)).contains("Export Một").doesNotContain("OTHER1");
    }

    private static List<Path> csvFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".csv")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readable(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
