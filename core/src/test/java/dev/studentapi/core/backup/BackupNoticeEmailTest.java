package dev.studentapi.core.backup;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.text.Language;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BackupNoticeEmailTest {

    private static final URI LINK = URI.create("https://bucket.test/backups/backup-20261127-120000.json"
            + "?X-Amz-Expires=3600&X-Amz-Signature=abc");
    private static final Instant EXPIRES = Instant.parse("2026-11-27T13:00:00.250Z");

    private final BackupNoticeEmail english = new BackupNoticeEmail(Language.EN, "noreply@school.test");

    private EmailMessage notice() {
        return english.to("registrar@school.test", "backups/backup-20261127-120000.json", 2, LINK, EXPIRES);
    }

    @Test
    void goesFromTheSenderToTheRecipientUnderTheHeading() {
        EmailMessage mail = notice();

        assertThat(mail.from()).isEqualTo("noreply@school.test");
        assertThat(mail.to()).isEqualTo("registrar@school.test");
        assertThat(mail.subject()).isEqualTo("Student Data Backup");
        assertThat(mail.text()).startsWith("Student Data Backup\n\n"
                + "A backup of 2 students was saved as backups/backup-20261127-120000.json.");
        assertThat(mail.html()).contains("<h1>Student Data Backup</h1>");
    }

    @Test
    void carriesTheLinkAsAButtonWithItsAmpersandsEscaped() {
        EmailMessage mail = notice();

        assertThat(mail.text()).contains("Download backup: " + LINK + "\n");
        assertThat(mail.html()).contains("<a href=\"https://bucket.test/backups/backup-20261127-120000.json"
                + "?X-Amz-Expires=3600&amp;X-Amz-Signature=abc\"").contains(">Download backup</a>");
    }

    @Test
    void saysWhenTheLinkExpiresInUtc() {
        EmailMessage mail = notice();

        assertThat(mail.text()).endsWith("This link will expire on 2026-11-27 13:00:00 UTC\n");
        assertThat(mail.html()).contains("<p>This link will expire on 2026-11-27 13:00:00 UTC</p>");
    }

    @Test
    void speaksVietnameseWhenAsked() {
        EmailMessage mail = new BackupNoticeEmail(Language.VI, "noreply@school.test")
                .to("registrar@school.test", "backups/b.json", 2, LINK, EXPIRES);

        assertThat(mail.subject()).isEqualTo("Sao lưu dữ liệu sinh viên");
        assertThat(mail.text()).contains("Tải bản sao lưu: ", "Liên kết này sẽ hết hạn vào 2026-11-27 13:00:00 UTC");
    }
}
