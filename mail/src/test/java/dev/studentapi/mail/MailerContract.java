package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.Race;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Mailer} must do, whatever carries the mail: a sent message arrives whole and readable. */
abstract class MailerContract {

    static final Instant NOW = Instant.parse("2026-11-27T21:05:01.123Z");

    protected final MutableClock clock = new MutableClock(NOW);

    /** A mailer under test that reads time from {@code clock}. */
    protected abstract Mailer mailer(Clock clock) throws Exception;

    /** Waits until {@code count} messages have been delivered and returns them, oldest first. */
    protected abstract List<MimeMessage> awaitDelivered(int count) throws Exception;

    static EmailMessage message(String subject) {
        return new EmailMessage("Student Records <noreply@school.test>", "registrar@school.test", subject,
                "Plain body of " + subject, "<p>HTML body of " + subject + "</p>");
    }

    static EmailMessage vietnamese() {
        return new EmailMessage("Phòng Đào tạo <daotao@truong.test>", "Nguyễn Thị Ánh <anh@truong.test>",
                "Xác nhận đăng ký: Nguyễn Thị Ánh",
                "Xin chào Nguyễn Thị Ánh,\n\nHồ sơ của bạn đã được lưu. Lớp: 12A1 — ngày sinh 2008-03-14.\n",
                "<!DOCTYPE html><html><body><p>Xin chào <b>Nguyễn Thị Ánh</b>,</p>"
                        + "<p>Hồ sơ của bạn đã được lưu. Lớp: 12A1 — ngày sinh 2008-03-14.</p></body></html>");
    }

    @Test
    void deliversSubjectAddressesAndBothParts() throws Exception {
        mailer(clock).send(message("Student Data Backup"));

        ReceivedMail mail = ReceivedMail.of(awaitDelivered(1).get(0));
        assertThat(mail.from()).isEqualTo("Student Records <noreply@school.test>");
        assertThat(mail.to()).isEqualTo("registrar@school.test");
        assertThat(mail.subject()).isEqualTo("Student Data Backup");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.text()).isEqualTo("Plain body of Student Data Backup");
        assertThat(mail.html()).isEqualTo("<p>HTML body of Student Data Backup</p>");
    }

    @Test
    void keepsVietnameseTextIntactInEveryField() throws Exception {
        EmailMessage sent = vietnamese();
        mailer(clock).send(sent);

        ReceivedMail mail = ReceivedMail.of(awaitDelivered(1).get(0));
        assertThat(mail.from()).isEqualTo(sent.from());
        assertThat(mail.to()).isEqualTo(sent.to());
        assertThat(mail.subject()).isEqualTo(sent.subject());
        assertThat(mail.text()).isEqualToNormalizingNewlines(sent.text());
        assertThat(mail.html()).isEqualTo(sent.html());
    }

    @Test
    void stampsTheDateFromTheClockAndAMessageId() throws Exception {
        mailer(clock).send(message("dated"));

        ReceivedMail mail = ReceivedMail.of(awaitDelivered(1).get(0));
        assertThat(mail.sent()).isEqualTo(Instant.parse("2026-11-27T21:05:01Z"));
        assertThat(mail.messageId()).matches("<[^@<>\\s]+@school\\.test>");
    }

    @Test
    void deliversConcurrentSendsEachOnceWithTheirOwnId() throws Exception {
        Mailer mailer = mailer(clock);
        int senders = 16;

        Race.run(senders, thread -> {
            mailer.send(message("message " + thread));
            return null;
        });

        List<ReceivedMail> delivered = new ArrayList<>();
        for (MimeMessage message : awaitDelivered(senders)) {
            delivered.add(ReceivedMail.of(message));
        }
        assertThat(delivered).extracting(ReceivedMail::subject).doesNotHaveDuplicates().hasSize(senders);
        assertThat(delivered).extracting(ReceivedMail::messageId).doesNotHaveDuplicates();
        assertThat(delivered).allSatisfy(mail -> assertThat(mail.text()).isEqualTo("Plain body of " + mail.subject()));
    }
}
