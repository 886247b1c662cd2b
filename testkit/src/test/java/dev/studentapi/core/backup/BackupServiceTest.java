package dev.studentapi.core.backup;

import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.text.Language;
import dev.studentapi.testkit.fake.InMemoryObjectStore;
import dev.studentapi.testkit.fake.RecordingMailer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:34:56Z");

    private final List<Student> students = List.of(
            new Student("SV001", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28", "thang@example.edu.vn"),
            new Student("SV002", "Trần Thị Mai", "CNTT1", "2004-11-05", "mai@example.edu.vn"));
    private final StudentStore store = new StudentStore() {
        @Override
        public boolean insert(Student student) {
            throw new UnsupportedOperationException("a backup only reads");
        }

        @Override
        public void forEachOrdered(StudentSink sink) throws IOException {
            for (Student student : students) {
                sink.accept(student);
            }
        }
    };
    private final InMemoryObjectStore bucket = new InMemoryObjectStore("student-backup-20250706", Clock.fixed(NOW, ZoneOffset.UTC));
    private final RecordingMailer mailer = new RecordingMailer();
    private final BackupService service = new BackupService(store, bucket, new IdLines(), mailer,
            new BackupNoticeEmail(Language.EN, "noreply@school.test"), "registrar@school.test",
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** A snapshot format of one student id per line. */
    private static final class IdLines implements SnapshotFormat {
        @Override
        public Writer open(OutputStream out) {
            return new Writer() {
                private long count;

                @Override
                public void accept(Student student) throws IOException {
                    out.write((student.studentId() + "\n").getBytes(StandardCharsets.UTF_8));
                    count++;
                }

                @Override
                public long count() {
                    return count;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void read(InputStream in, RowSink rows) {
            throw new UnsupportedOperationException("these tests only write");
        }
    }

    @Test
    void namesABackupByItsUtcTime() {
        assertThat(BackupService.keyAt(Instant.parse("2026-01-02T03:04:05.678Z")))
                .isEqualTo("backups/backup-20260102-030405.json");
    }

    @Test
    void storesEveryStudentUnderTheTimedKey() throws Exception {
        BackupOutcome outcome = service.run();

        assertThat(bucket.keys()).containsExactly("backups/backup-20261127-123456.json");
        assertThat(bucket.text("backups/backup-20261127-123456.json")).isEqualTo("SV001\nSV002\n");
        assertThat(outcome.object()).isEqualTo(new StoredObject("student-backup-20250706",
                "backups/backup-20261127-123456.json", 12, NOW, OptionalLong.of(2)));
        assertThat(outcome.count()).isEqualTo(2);
    }

    @Test
    void mailsALinkValidForOneHourToTheRecipient() throws Exception {
        BackupOutcome outcome = service.run();

        Instant expiry = Instant.parse("2026-11-27T13:34:56Z");
        URI link = URI.create("https://student-backup-20250706.test/backups/backup-20261127-123456.json?expires="
                + expiry.getEpochSecond());
        assertThat(outcome.expiresAt()).isEqualTo(expiry);
        assertThat(outcome.downloadLink()).isEqualTo(link);
        assertThat(outcome.notice()).isEqualTo(new MailDelivery.Sent());
        assertThat(mailer.sent()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("registrar@school.test");
            assertThat(mail.text()).contains("A backup of 2 students was saved as backups/backup-20261127-123456.json",
                    link.toString(), "This link will expire on 2026-11-27 13:34:56 UTC");
        });
    }

    @Nested
    class Failures {

        @Test
        void aFailedNoticeKeepsTheBackupAndSaysWhy() throws Exception {
            mailer.refuseWith("mailbox unavailable");

            BackupOutcome outcome = service.run();

            assertThat(outcome.notice()).isEqualTo(new MailDelivery.Failed("mailbox unavailable"));
            assertThat(bucket.keys()).contains("backups/backup-20261127-123456.json");
        }

        @Test
        void aBackupThatCannotBeStoredThrowsAndMailsNobody() {
            bucket.failPutsWith(new IOException("bucket unreachable"));

            assertThatThrownBy(service::run).isInstanceOf(IOException.class).hasMessage("bucket unreachable");
            assertThat(bucket.keys()).isEmpty();
            assertThat(mailer.sent()).isEmpty();
        }
    }
}
