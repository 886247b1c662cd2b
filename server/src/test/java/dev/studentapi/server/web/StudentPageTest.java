package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import dev.studentapi.server.web.StudentPage.Entry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The web page served by the real server at "/", driven in headless Chromium as a person would use it. */
class StudentPageTest {

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Browser browser;

    StudentPage page;
    String testName;

    @BeforeAll
    static void startServerAndBrowser() {
        Browser.requireChromium();
        server = TestServer.start(dataDir, Map.of("PLAN_RATE_LIMIT", "100", "PLAN_BURST_LIMIT", "200"));
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
    void openPage(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        browser.open(server.url("/"));
        page = new StudentPage(browser);
    }

    @AfterEach
    void screenshotAndCheckConsole() {
        browser.screenshot(testName);
        assertThat(browser.pageErrors()).as("script errors or CSP violations in the console").isEmpty();
    }

    private static void seed(String id, String name) {
        assertThat(server.post("/prod/students", Json.student(id, name), server.key()).statusCode()).isEqualTo(201);
    }

    @Test
    void addsAStudentThatAppearsInTheTableWithoutAReload() {
        page.connectAndLoad(server.key());
        browser.script("window.stillTheSamePage = true");

        page.add(Entry.of("ADD001", "Nguyễn Tri Bão Thắng"));

        WebElement row = page.row("ADD001");
        assertThat(row.getText()).contains("ADD001", "Nguyễn Tri Bão Thắng", "CNTT1", "2001-05-06", "add001@example.edu.vn");
        assertThat(browser.script("return window.stillTheSamePage === true")).isEqualTo(true);
        assertThat(page.messageText("form-messages")).contains("Saved Nguyễn Tri Bão Thắng (ADD001).");
        assertThat(browser.find("#form-messages .message").getAttribute("role")).isEqualTo("status");
        assertThat(page.value("studentid")).as("the form is ready for the next student").isEmpty();
        assertThat(server.get("/prod/students", server.key()).body()).contains("\"ADD001\"");
    }

    @Test
    void rendersEveryValueAsTextNeverAsHtml() {
        String attack = "<img src=x onerror=alert(1)>";
        page.connectAndLoad(server.key()).add(Entry.of("XSS001", attack));

        WebElement name = page.row("XSS001").findElement(By.cssSelector("td[data-column='name']"));
        assertThat(name.getText()).isEqualTo(attack);
        assertThat(browser.findAll("#students-body img")).isEmpty();
        assertThat(browser.findAll("#form-messages img")).isEmpty();
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void searchesAsYouTypeAcrossAllColumnsIgnoringAccents() {
        seed("SRCH01", "Đặng Thu Hà");
        seed("SRCH02", "Trần Văn Bình");
        page.connectAndLoad(server.key());

        page.search("dang thu");
        browser.wait.until(d -> page.column("studentid").equals(List.of("SRCH01")));
        assertThat(page.count()).matches("1 of \\d+ students match");

        page.search("srch02@example");
        browser.wait.until(d -> page.column("studentid").equals(List.of("SRCH02")));

        page.search("no such student");
        assertThat(browser.visible("#empty-state").getText()).contains("No students match “no such student”");

        page.search("");
        browser.wait.until(d -> page.column("studentid").size() >= 2);
        assertThat(page.count()).matches("\\d+ students");
    }

    @Test
    void sortsByAnyColumnBothWays() {
        seed("SORT01", "Zoe Ngô");
        seed("SORT02", "Anh Lê");
        seed("SORT03", "Minh Phạm");
        page.connectAndLoad(server.key()).search("SORT");
        browser.wait.until(d -> page.column("studentid").size() == 3);
        assertThat(page.sortOf("studentid")).isEqualTo("ascending");

        page.sortBy("Full Name");
        assertThat(page.sortOf("name")).isEqualTo("ascending");
        assertThat(page.sortOf("studentid")).isNull();
        assertThat(page.column("name")).containsExactly("Anh Lê", "Minh Phạm", "Zoe Ngô");

        page.sortBy("Full Name");
        assertThat(page.sortOf("name")).isEqualTo("descending");
        assertThat(page.column("name")).containsExactly("Zoe Ngô", "Minh Phạm", "Anh Lê");

        page.sortBy("Student ID");
        assertThat(page.column("studentid")).containsExactly("SORT01", "SORT02", "SORT03");
    }

    @Test
    void showsTwentyFiveStudentsAPage() {
        for (int i = 1; i <= 27; i++) {
            seed("PAGE%02d".formatted(i), "Paged Student " + i);
        }
        page.connectAndLoad(server.key()).search("PAGE");
        browser.wait.until(d -> page.pageInfo().startsWith("Showing 1–25 of 27"));
        assertThat(page.column("studentid")).hasSize(25).startsWith("PAGE01").endsWith("PAGE25");

        page.button("Next").click();

        browser.wait.until(d -> page.column("studentid").equals(List.of("PAGE26", "PAGE27")));
        assertThat(page.pageInfo()).isEqualTo("Showing 26–27 of 27 · page 2 of 2");
        assertThat(page.button("Next").isEnabled()).isFalse();
    }

    @Test
    void showsAnEmptyStateBeforeConnecting() {
        assertThat(browser.visible("#empty-state").getText()).contains("Connect to see the students");
        assertThat(browser.find("#students-table").isDisplayed()).isFalse();
    }

    @Nested
    class Validation {

        @Test
        void clientChecksMarkEveryMistakeBeforeSending() {
            page.connectAndLoad(server.key());
            page.type("studentid", "SV 001");
            page.type("email", "not-an-address");
            page.save();

            assertThat(page.fieldError("studentid")).isEqualTo("Use 1–64 letters, digits, - or _ (no spaces).");
            assertThat(page.fieldError("name")).isEqualTo("This field is required.");
            assertThat(page.fieldError("birthdate")).isEqualTo("This field is required.");
            assertThat(page.fieldError("email")).isEqualTo("Enter an e-mail address like name@example.com.");
            assertThat(browser.find("#studentid").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("studentid");
            assertThat(browser.find("#form-messages .message").getAttribute("role")).isEqualTo("alert");

            page.type("studentid", "SV001");
            browser.wait.until(d -> !page.fieldErrorShown("studentid"));
        }

        @Test
        void theServersFieldErrorsAppearNextToTheFields() {
            page.connectAndLoad(server.key());
            // A client whose rules lag behind the server's: the server's answer must still reach the fields.
            browser.script("document.getElementById('student-form').dataset.clientChecks = 'off'");
            page.fill(Entry.of("VAL001", "Valid Name").withEmail("no-at-sign.example.com")).save();

            assertThat(page.fieldError("email")).isEqualTo("Enter an e-mail address like name@example.com.");
            assertThat(browser.find("#email").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("email");
            assertThat(page.waitForMessage("form-messages", "error", "The server did not accept the student.").getText())
                    .contains("The server did not accept the student.");
            assertThat(page.fieldErrorShown("studentid")).isFalse();
            assertThat(server.get("/prod/students", server.key()).body()).doesNotContain("VAL001");
        }

        @Test
        void aFieldOnlyTheServerRefusesIsShownAtThatFieldThroughItsCode() {
            page.connectAndLoad(server.key());
            // The page leaves refused characters to the server: a bidi override passes the page's own checks.
            page.fill(Entry.of("BIDI01", "placeholder"));
            browser.script("document.getElementById('name').value = 'Evil \\u202Egnp.exe'");
            page.save();

            assertThat(page.fieldError("name"))
                    .isEqualTo("Remove the characters that are not allowed (control or text-direction characters).");
            assertThat(browser.find("#name").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("name");
            assertThat(page.waitForMessage("form-messages", "error", "The server did not accept the student.").getText())
                    .contains("The server did not accept the student.", "Check the highlighted fields.");
            assertThat(page.fieldErrorShown("studentid")).isFalse();
            assertThat(page.fieldErrorShown("email")).isFalse();

            page.chooseLanguage("Tiếng Việt");
            assertThat(page.fieldError("name")).as("the English answer is said by its code, in the page's language")
                    .isEqualTo("Hãy bỏ các ký tự không được phép (ký tự điều khiển hoặc ký tự đổi hướng văn bản).");
            page.chooseLanguage("English");
            assertThat(server.get("/prod/students", server.key()).body()).doesNotContain("BIDI01");
        }

        @Test
        void aTakenStudentIdIsShownAtTheField() {
            seed("DUP001", "First Owner");
            page.connectAndLoad(server.key());

            page.fill(Entry.of("DUP001", "Second Owner")).save();

            assertThat(page.fieldError("studentid")).isEqualTo("This Student ID is already taken.");
            assertThat(page.waitForMessage("form-messages", "error", "Student ID DUP001 already exists.").getText())
                    .contains("Student ID DUP001 already exists.");
            assertThat(page.value("name")).as("nothing typed is lost").isEqualTo("Second Owner");
        }
    }

    @Test
    void aWrongKeyIsRefusedAndTheKeyFieldIsFocused() {
        page.connect("wrong-key-0123456789abcdef");

        assertThat(page.waitForMessage("connection-messages", "error", "The API key is missing or wrong.").getText())
                .contains("The API key is missing or wrong.");
        assertThat(page.fieldError("api-key")).isEqualTo("The API key is missing or wrong.");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("api-key");
        assertThat(browser.find("#connection-messages .message").getAttribute("role")).isEqualTo("alert");
        browser.screenshot(testName + "-refused");

        page.connectAndLoad(server.key());
        browser.wait.until(d -> !page.fieldErrorShown("api-key"));
        assertThat(browser.findAll("#connection-messages .message")).isEmpty();
    }

    @Test
    void theKeyIsKeptForTheTabOnlyAndNeverWrittenIntoThePage() {
        page.connectAndLoad(server.key());

        assertThat(browser.script("return sessionStorage.getItem('studentapi.apiKey')")).isEqualTo(server.key());
        assertThat(browser.script("return JSON.stringify(localStorage)").toString()).doesNotContain(server.key());
        assertThat(browser.script("return document.documentElement.outerHTML").toString()).doesNotContain(server.key());
        assertThat(page.keyField().getAttribute("type")).isEqualTo("password");

        browser.reload();
        page.waitUntilLoaded();
        assertThat(page.count()).as("a reload in the same tab keeps the key").matches("\\d+ students?");

        page.button("Forget key").click();
        assertThat(browser.script("return sessionStorage.getItem('studentapi.apiKey')")).isNull();
        assertThat(browser.visible("#empty-state").getText()).contains("Connect to see the students");
    }

    @Test
    void backsUpAndTheDownloadLinkServesTheSnapshot() throws Exception {
        seed("BAK001", "Backed Up");
        page.connectAndLoad(server.key());

        page.button("Backup Data").click();

        WebElement result = page.waitForMessage("backup-messages", "success");
        assertThat(result.getAttribute("role")).isEqualTo("status");
        assertThat(result.getText()).contains("Backup saved", "Students", "Size", "File", "backups/backup-");
        WebElement link = result.findElement(By.linkText("Download backup"));
        String href = link.getAttribute("href");
        assertThat(href).startsWith(server.url("/").toString());

        HttpResponse<String> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Json.parse(download.body()).findValuesAsText("studentid")).contains("BAK001");
    }

    @Test
    void switchesEveryLabelAndMessageToVietnamese() {
        page.connectAndLoad(server.key());
        page.chooseLanguage("Tiếng Việt");

        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.find("label[for='studentid']").getText()).isEqualTo("Mã sinh viên");
        assertThat(browser.find("label[for='name']").getText()).isEqualTo("Họ và tên");
        assertThat(page.button("Lưu sinh viên").isDisplayed()).isTrue();
        assertThat(page.button("Làm mới").isDisplayed()).isTrue();
        assertThat(page.button("Sao lưu dữ liệu").isDisplayed()).isTrue();
        assertThat(browser.driver.getTitle()).isEqualTo("Hồ sơ sinh viên");

        page.button("Lưu sinh viên").click();
        assertThat(page.fieldError("name")).isEqualTo("Trường này là bắt buộc.");
        assertThat(page.messageText("form-messages")).contains("Hãy kiểm tra các trường được đánh dấu.");
        assertThat(page.count()).matches("\\d+ sinh viên");
        browser.screenshot(testName + "-vi");

        browser.reload();
        assertThat(browser.find("label[for='email']").getText()).as("the choice is remembered").isEqualTo("Email");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
        page.chooseLanguage("English");
        assertThat(browser.find("label[for='name']").getText()).isEqualTo("Full Name");
    }

    @Test
    void bothLanguagesHaveEveryTextAndTheBrowserLanguagePicksTheDefault() {
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('./i18n.js'), import('./answers.js'), import('./import-panel.js')]).then(([i18n, answers, imports]) => {
                  const en = Object.keys(i18n.dictionaries.en), vi = Object.keys(i18n.dictionaries.vi);
                  const codeKeys = [...answers.ANSWER_CODES.map((c) => 'code.' + c),
                    ...answers.FIELD_CODES.map((c) => 'problem.' + c), ...imports.ROW_CODES.map((c) => 'problem.' + c)];
                  const used = [...document.querySelectorAll('[data-i18n],[data-i18n-placeholder],[data-i18n-aria-label]')]
                    .map((e) => e.dataset.i18n || e.dataset.i18nPlaceholder || e.dataset.i18nAriaLabel);
                  done({
                    onlyEnglish: en.filter((k) => !vi.includes(k)),
                    onlyVietnamese: vi.filter((k) => !en.includes(k)),
                    missing: used.filter((k) => !en.includes(k)),
                    codesWithoutText: codeKeys.filter((k) => !en.includes(k) || !vi.includes(k)),
                    codeCount: codeKeys.length,
                    fromVietnameseBrowser: i18n.initialLanguage(null, ['vi-VN', 'en-US']),
                    fromFrenchBrowser: i18n.initialLanguage(null, ['fr-FR']),
                    chosenWins: i18n.initialLanguage('en', ['vi']),
                  });
                });
                """);
        assertThat((List<?>) check.get("onlyEnglish")).isEmpty();
        assertThat((List<?>) check.get("onlyVietnamese")).isEmpty();
        assertThat((List<?>) check.get("missing")).isEmpty();
        assertThat((List<?>) check.get("codesWithoutText")).as("every answer and field code is said in both").isEmpty();
        assertThat(check.get("codeCount")).isEqualTo(39L);
        assertThat(check.get("fromVietnameseBrowser")).isEqualTo("vi");
        assertThat(check.get("fromFrenchBrowser")).isEqualTo("en");
        assertThat(check.get("chosenWins")).isEqualTo("en");
    }

    @Test
    void worksWithTheKeyboardAloneWithAVisibleFocus() {
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.focused().getAccessibleName()).isEqualTo("Skip to the student list");
        assertThat(browser.focused().getCssValue("outline-style")).isEqualTo("solid");

        tabUntil(keys, "api-key");
        keys.sendKeys(server.key(), Keys.ENTER).perform();
        page.waitUntilLoaded();

        tabUntil(keys, "studentid");
        assertThat(browser.focused().getCssValue("outline-style")).isEqualTo("solid");
        keys.sendKeys("KEY001", Keys.TAB, "Keyboard User", Keys.TAB, "CNTT2", Keys.TAB, "03141999").perform();
        tabUntil(keys, "email"); // Chromium's date picker button takes a stop of its own
        keys.sendKeys("keyboard@example.com", Keys.ENTER).perform();

        assertThat(page.row("KEY001").getText()).contains("Keyboard User", "1999-03-14");
        tabUntil(keys, "backup");
        keys.sendKeys(Keys.ENTER).perform();
        page.waitForMessage("backup-messages", "success");
    }

    private void tabUntil(Actions keys, String id) {
        for (int i = 0; i < 40 && !id.equals(browser.focused().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.focused().getAttribute("id")).isEqualTo(id);
    }

    @Test
    void everyControlHasAVisibleLabelAndAnAccessibleName() {
        page.connectAndLoad(server.key());
        for (String id : List.of("api-key", "studentid", "name", "class", "birthdate", "email", "search", "language")) {
            WebElement label = browser.find("label[for='" + id + "']");
            assertThat(label.isDisplayed()).as(id).isTrue();
            assertThat(browser.find("#" + id).getAccessibleName()).isEqualTo(label.getText());
        }
        assertThat(browser.find("#birthdate").getAccessibleName()).isEqualTo("Birthdate");
        for (String name : List.of("Save Student", "Refresh", "Backup Data", "Connect", "Forget key", "Show key")) {
            assertThat(page.button(name).isDisplayed()).as(name).isTrue();
        }
        assertThat(browser.find("#students-table thead").getText())
                .contains("Student ID", "Full Name", "Class", "Birthdate", "Email");
    }

    @Test
    void thePageIsServedWithItsSecurityHeaders() throws Exception {
        HttpResponse<String> index = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.url("/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(index.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(browser.script("return getComputedStyle(document.body).backgroundImage").toString())
                .as("the stylesheet loaded under the policy").contains("gradient");
    }

    @Test
    void datesInTheFutureAreRefusedBeforeSending() {
        page.connectAndLoad(server.key());
        page.fill(new Entry("FUT001", "Future Kid", "CNTT1", LocalDate.now().plusYears(1), "f@example.com")).save();

        assertThat(page.fieldError("birthdate")).isEqualTo("The birthdate cannot be in the future.");
    }
}
