package dev.studentapi.testkit.contract;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Mailer} must do, whatever carries the mail: a sent message arrives, once, with its sender,
 * recipient, subject and both parts intact; extend it with the mailer under test and a way to read what arrived.
 */
public abstract class MailerContract {

    /** The mailer under test. */
    protected abstract Mailer mailer() throws Exception;

    /** Waits until {@code count} messages sent by this test have arrived and returns them, oldest first. */
    protected abstract List<DeliveredMail> awaitDelivered(int count) throws Exception;

    /**
     * Whether the test can read the plain-text part of what arrived; when not (moto's SES keeps only the HTML
     * part of a message), {@link DeliveredMail#text()} is null.
     */
    protected boolean showsTextPart() {
        return true;
    }

    protected static EmailMessage message(String subject) {
        return new EmailMessage("Student Records <noreply@school.test>", "registrar@school.test", subject,
                "Plain body of " + subject, "<p>HTML body of " + subject + "</p>");
    }

    protected static EmailMessage vietnamese() {
        return new EmailMessage("Phòng Đào tạo <daotao@truong.test>", "Nguyễn Thị Ánh <anh@truong.test>",
                "Xác nhận đăng ký: Nguyễn Thị Ánh",
                "Xin chào Nguyễn Thị Ánh,\n\nHồ sơ của bạn đã được lưu. Lớp: 12A1 — ngày sinh 2008-03-14.\n",
                "<!DOCTYPE html><html><body><p>Xin chào <b>Nguyễn Thị Ánh</b>,</p>"
                        + "<p>Hồ sơ của bạn đã được lưu. Lớp: 12A1 — ngày sinh 2008-03-14.</p></body></html>");
    }

    @Test
    void deliversSenderRecipientSubjectAndBothParts() throws Exception {
        mailer().send(message("Student Data Backup"));

        DeliveredMail mail = awaitDelivered(1).get(0);
        assertThat(mail.from()).isEqualTo("Student Records <noreply@school.test>");
        assertThat(mail.to()).isEqualTo("registrar@school.test");
        assertThat(mail.subject()).isEqualTo("Student Data Backup");
        assertThat(mail.html()).isEqualTo("<p>HTML body of Student Data Backup</p>");
        if (showsTextPart()) {
            assertThat(mail.text()).isEqualTo("Plain body of Student Data Backup");
        }
    }

    @Test
    void keepsVietnameseTextIntactInEveryField() throws Exception {
        EmailMessage sent = vietnamese();
        mailer().send(sent);

        DeliveredMail mail = awaitDelivered(1).get(0);
        assertThat(mail.from()).isEqualTo(sent.from());
        assertThat(mail.to()).isEqualTo(sent.to());
        assertThat(mail.subject()).isEqualTo(sent.subject());
        assertThat(mail.html()).isEqualTo(sent.html());
        if (showsTextPart()) {
            assertThat(mail.text()).isEqualToNormalizingNewlines(sent.text());
        }
    }

    @Test
    void deliversConcurrentSendsEachOnce() throws Exception {
        Mailer mailer = mailer();
        int senders = 16;

        Race.run(senders, thread -> {
            mailer.send(message("message " + thread));
            return null;
        });

        List<DeliveredMail> delivered = awaitDelivered(senders);
        assertThat(delivered).extracting(DeliveredMail::subject).doesNotHaveDuplicates().hasSize(senders)
                .allMatch(subject -> subject.matches("message \\d+"));
        assertThat(delivered).allSatisfy(mail ->
                assertThat(mail.html()).isEqualTo("<p>HTML body of " + mail.subject() + "</p>"));
        if (showsTextPart()) {
            assertThat(delivered).allSatisfy(mail ->
                    assertThat(mail.text()).isEqualTo("Plain body of " + mail.subject()));
        }
    }
}
