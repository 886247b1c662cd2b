package dev.studentapi.core.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapesMarkupAndBothQuotes() {
        assertThat(Html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Html.escape("Nguyễn Tri Bão Thắng 🌸")).isEqualTo("Nguyễn Tri Bão Thắng 🌸");
    }
}
