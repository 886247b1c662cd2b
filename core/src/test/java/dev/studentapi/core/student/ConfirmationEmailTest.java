package dev.studentapi.core.student;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.text.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationEmailTest {

    private static final Student THANG =
            new Student("SV001", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28", "thang@example.edu.vn");

    private final ConfirmationEmail english =
            new ConfirmationEmail(Language.EN, "Student Records <noreply@school.test>");

    @Test
    void goesFromTheSenderToTheStudent() {
        EmailMessage mail = english.to(THANG);

        assertThat(mail.from()).isEqualTo("Student Records <noreply@school.test>");
        assertThat(mail.to()).isEqualTo("thang@example.edu.vn");
        assertThat(mail.subject()).isEqualTo("Student registration confirmed");
    }

    @Test
    void greetsTheStudentByNameAndListsTheRecord() {
        EmailMessage mail = english.to(THANG);

        assertThat(mail.text()).startsWith("Hello Nguyễn Tri Bão Thắng,\n\nYour student record has been saved:\n")
                .contains("Student ID: SV001\n", "Full name: Nguyễn Tri Bão Thắng\n", "Class: 21DTHA1\n",
                        "Date of birth: 2003-02-28\n");
        assertThat(mail.html()).contains("<p>Hello Nguyễn Tri Bão Thắng,</p>",
                "<tr><th align=\"left\">Student ID</th><td>SV001</td></tr>",
                "<tr><th align=\"left\">Date of birth</th><td>2003-02-28</td></tr>");
    }

    @Test
    void escapesTheStudentsValuesInTheHtmlPartOnly() {
        Student sly = new Student("SV002", "<b>Tom</b> & \"Jerry\"", "<i>C1</i>", "2003-02-28", "tom@example.com");

        EmailMessage mail = english.to(sly);

        assertThat(mail.html()).contains("Hello &lt;b&gt;Tom&lt;/b&gt; &amp; &quot;Jerry&quot;,",
                "<td>&lt;i&gt;C1&lt;/i&gt;</td>").doesNotContain("<b>Tom</b>", "<i>C1</i>");
        assertThat(mail.text()).contains("Hello <b>Tom</b> & \"Jerry\",");
    }

    @Test
    void speaksVietnameseWhenAsked() {
        EmailMessage mail = new ConfirmationEmail(Language.VI, "noreply@school.test").to(THANG);

        assertThat(mail.subject()).isEqualTo("Xác nhận đăng ký sinh viên");
        assertThat(mail.text()).startsWith("Xin chào Nguyễn Tri Bão Thắng,").contains("Mã sinh viên: SV001",
                "Ngày sinh: 2003-02-28");
    }
}
