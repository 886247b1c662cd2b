package dev.studentapi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A list of more than LARGE_LIST (1,000) students is paged, searched and filtered by the server. */
class LargeListPageTest extends RecordsPageBase {

    static final int STUDENTS = 1_060;

    @BeforeAll
    static void manyStudents() {
        StringBuilder csv = new StringBuilder("studentid,name,class,birthdate,email\r\n");
        for (int i = 1; i <= STUDENTS; i++) {
            String name = i == 777 ? "Nguyễn Văn Thắng" : "Student " + i;
            csv.append("BIG%04d,%s,K%d,2002-01-15,big%04d@example.edu.vn\r\n".formatted(i, name, i % 3, i));
        }
        importCsv(csv.toString());
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj("BIG%04d"::formatted).toList();
    }

    @Test
    void pagesThroughTheServerWithNextAndPrevious() {
        page.connectAndLoad(server.key());

        assertThat(browser.visible("#server-paging-note").getText()).contains("worked out by the server");
        browser.wait.until(d -> page.pageInfo().equals("Showing 1–25 · page 1"));
        assertThat(page.column("studentid")).isEqualTo(ids(1, 25));
        assertThat(page.count()).isEqualTo("Students 1–25");
        assertThat(browser.find("th[data-column='name'] button").getAttribute("aria-disabled"))
                .as("a server page is ordered by Student ID only").isEqualTo("true");
        assertThat(page.button("Previous").isEnabled()).isFalse();

        page.button("Next").click();
        browser.wait.until(d -> page.pageInfo().equals("Showing 26–50 · page 2"));
        assertThat(page.column("studentid")).isEqualTo(ids(26, 50));
        page.button("Next").click();
        browser.wait.until(d -> page.pageInfo().equals("Showing 51–75 · page 3"));

        page.button("Previous").click();
        browser.wait.until(d -> page.pageInfo().equals("Showing 26–50 · page 2"));
        assertThat(page.column("studentid")).isEqualTo(ids(26, 50));
        assertThat(browser.accessibilityViolations()).as("axe-core on a server page").isEmpty();
    }

    @Test
    void searchesOnTheServerIgnoringAccents() {
        page.connectAndLoad(server.key());
        browser.wait.until(d -> page.pageInfo().startsWith("Showing 1–25"));

        page.search("thang");

        browser.wait.until(d -> page.column("studentid").equals(List.of("BIG0777")));
        assertThat(page.column("name")).containsExactly("Nguyễn Văn Thắng");
        assertThat(browser.find("#pagination").isDisplayed()).as("one page: no pager").isFalse();

        page.search("no such student at all");
        assertThat(browser.visible("#empty-state").getText()).contains("No students match “no such student at all”");
    }

    @Test
    void filtersByClassOnTheServerAcrossPages() {
        page.connectAndLoad(server.key());
        browser.wait.until(d -> page.pageInfo().startsWith("Showing 1–25"));

        browser.find("#class-filter").sendKeys("K0");

        browser.wait.until(d -> page.column("studentid").size() == 25 && page.column("studentid").get(0).equals("BIG0003"));
        assertThat(page.column("class")).containsOnly("K0");
        page.button("Next").click();
        browser.wait.until(d -> page.pageInfo().equals("Showing 26–50 · page 2"));
        assertThat(page.column("studentid").get(0)).isEqualTo("BIG0078");
        assertThat(page.column("class")).containsOnly("K0");
    }
}
