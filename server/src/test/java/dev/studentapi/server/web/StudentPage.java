package dev.studentapi.server.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What a person does on the web page, in the page's own words (labels, button names, messages). */
final class StudentPage {

    /** One student as typed into the form. */
    record Entry(String studentid, String name, String className, LocalDate birthdate, String email) {
        static Entry of(String studentid, String name) {
            return new Entry(studentid, name, "CNTT1", LocalDate.of(2001, 5, 6), studentid.toLowerCase() + "@example.edu.vn");
        }

        Entry withEmail(String value) {
            return new Entry(studentid, name, className, birthdate, value);
        }
    }

    private final Browser browser;

    StudentPage(Browser browser) {
        this.browser = browser;
    }

    // ---- the key and settings ----

    /** Types the key into the API key field and presses Enter (the Connect button's form). */
    StudentPage connect(String key) {
        WebElement field = keyField();
        field.clear();
        field.sendKeys(key, Keys.ENTER);
        return this;
    }

    /** Connects and waits until the list has loaded. */
    StudentPage connectAndLoad(String key) {
        connect(key);
        waitUntilLoaded();
        return this;
    }

    WebElement keyField() {
        return browser.find("#api-key");
    }

    StudentPage openSettings() {
        if (browser.find("#settings").getAttribute("open") == null) {
            browser.find("#settings summary").click();
        }
        return this;
    }

    StudentPage useApiBaseUrl(String url) {
        openSettings();
        WebElement field = browser.visible("#api-base");
        field.clear();
        field.sendKeys(url, Keys.ENTER);
        return this;
    }

    StudentPage chooseLanguage(String visibleText) {
        new Select(browser.find("#language")).selectByVisibleText(visibleText);
        return this;
    }

    // ---- the form ----

    /** Types a student into the empty form. */
    StudentPage fill(Entry entry) {
        browser.find("#studentid").sendKeys(entry.studentid());
        browser.find("#name").sendKeys(entry.name());
        browser.find("#class").sendKeys(entry.className());
        typeDate(entry.birthdate());
        browser.find("#email").sendKeys(entry.email());
        return this;
    }

    void type(String field, String value) {
        WebElement input = browser.find("#" + field);
        input.clear();
        input.sendKeys(value);
    }

    /** Types a date into the date picker as a keyboard user would (month, day, year in en-US). */
    void typeDate(LocalDate date) {
        WebElement input = browser.find("#birthdate");
        input.sendKeys(date.format(DateTimeFormatter.ofPattern("MMddyyyy")));
    }

    String value(String field) {
        return browser.find("#" + field).getAttribute("value");
    }

    StudentPage save() {
        button("Save Student").click();
        return this;
    }

    /** Fills the form, saves and waits for the success message. */
    StudentPage add(Entry entry) {
        fill(entry).save();
        waitForMessage("form-messages", "success");
        return this;
    }

    /** The error shown under a field, once it is shown. */
    String fieldError(String field) {
        return browser.visible("#" + field + "-error").getText();
    }

    boolean fieldErrorShown(String field) {
        return browser.find("#" + field + "-error").isDisplayed();
    }

    // ---- the list ----

    void waitUntilLoaded() {
        browser.wait.until(d -> "false".equals(browser.find("#table-region").getAttribute("aria-busy"))
                && !browser.find("#student-count").getText().isBlank());
    }

    StudentPage search(String text) {
        WebElement search = browser.find("#search");
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        search.sendKeys(text);
        return this;
    }

    StudentPage sortBy(String columnName) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//thead//button[normalize-space(.)='" + columnName + "']"))).click();
        return this;
    }

    String sortOf(String column) {
        return browser.find("th[data-column='" + column + "']").getAttribute("aria-sort");
    }

    /** The values of one column, top to bottom, on the current page. */
    List<String> column(String column) {
        return browser.findAll("#students-body td[data-column='" + column + "']").stream()
                .map(WebElement::getText).toList();
    }

    WebElement row(String studentid) {
        return browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#students-body tr[data-studentid='" + studentid + "']")));
    }

    String count() {
        return browser.find("#student-count").getText();
    }

    String pageInfo() {
        return browser.find("#page-info").getText();
    }

    // ---- buttons and messages ----

    /** A displayed button found by its accessible name, as a screen reader user or a voice user would name it. */
    WebElement button(String name) {
        By candidates = By.xpath("//button[normalize-space(.)=\"" + name + "\" or @aria-label=\"" + name + "\"]");
        return browser.wait.until(d -> d.findElements(candidates).stream()
                .filter(b -> b.isDisplayed() && name.equals(b.getAccessibleName()))
                .findFirst().orElse(null));
    }

    /** The message of the given tone in one message area, once it is shown. */
    WebElement waitForMessage(String area, String tone) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#" + area + " .message[data-tone='" + tone + "']")));
    }

    /**
     * The shown message of {@code tone} in {@code area} that contains {@code text}, once there is one: an earlier
     * message of the same tone may still be shown while the page works on the next.
     */
    WebElement waitForMessage(String area, String tone, String text) {
        By shown = By.cssSelector("#" + area + " .message[data-tone='" + tone + "']");
        return browser.wait.until(d -> {
            try {
                return d.findElements(shown).stream().filter(WebElement::isDisplayed)
                        .filter(message -> message.getText().contains(text)).findFirst().orElse(null);
            } catch (StaleElementReferenceException replaced) {
                return null;
            }
        });
    }

    String messageText(String area) {
        return browser.find("#" + area + " .message").getText();
    }
}
