package dev.studentapi.core.student;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.text.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportSummaryEmailTest {

    @Test
    void tellsTheRecipientEveryCountInEnglish() {
        EmailMessage mail = new ImportSummaryEmail(Language.EN, "noreply@school.test")
                .to("registrar@school.test", new BulkCounts(7, 2, 1));

        assertThat(mail.from()).isEqualTo("noreply@school.test");
        assertThat(mail.to()).isEqualTo("registrar@school.test");
        assertThat(mail.subject()).isEqualTo("Student import finished");
        assertThat(mail.text()).contains("An import of 10 students has been stored.", "Added: 7", "Replaced: 2",
                "Kept (already stored): 1");
        assertThat(mail.html()).contains("<td>7</td>", "<td>2</td>", "<td>1</td>");
    }

    @Test
    void speaksVietnamese() {
        EmailMessage mail = new ImportSummaryEmail(Language.VI, "noreply@school.test")
                .to("registrar@school.test", new BulkCounts(3, 0, 0));

        assertThat(mail.subject()).isEqualTo("Đã nhập xong danh sách sinh viên");
        assertThat(mail.text()).contains("Đã lưu một lần nhập gồm 3 sinh viên.", "Thêm mới: 3");
    }
}
