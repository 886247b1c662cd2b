package dev.studentapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.studentapi.server.config.DataDirectory;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Both e-mails delivered over real SMTP, and what the API says when delivery fails. */
class MailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path dataDir;

    private Map<String, String> smtpTo(int port) {
        return Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(port),
                "SENDER_EMAIL", "noreply@school.test", "RECIPIENT_EMAIL", "registrar@school.test");
    }

    @Test
    void sendsTheConfirmationToTheStudentAndTheBackupNoticeToTheRecipient() throws Exception {
        try (TestServer server = TestServer.start(dataDir, smtpTo(SMTP.getSmtp().getPort()))) {
            assertThat(server.post("/prod/students", student("SV001", "Nguyễn Tri Bão Thắng"), server.key())
                    .statusCode()).isEqualTo(201);
            JsonNode backup = Json.parse(server.post("/prod/backup", null, server.key()).body());
            assertThat(backup.get("message").asText()).isEqualTo("Backup and email sent successfully!");

            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(2);
            MimeMessage confirmation = received[0];
            assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("sv001@example.com");
            assertThat(confirmation.getFrom()[0].toString()).isEqualTo("noreply@school.test");
            String confirmationBody = GreenMailUtil.getBody(confirmation);
            assertThat(confirmation.getSubject()).isEqualTo("Student registration confirmed");

            MimeMessage notice = received[1];
            assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("registrar@school.test");
            assertThat(notice.getSubject()).isEqualTo("Student Data Backup");
            String noticeText = new String(notice.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(confirmationBody).isNotBlank();
            assertThat(noticeText).contains("This link will expire on");
            assertThat(GreenMailUtil.getWholeMessage(notice)).contains("multipart/alternative");
        }
    }

    @Test
    void aFailedConfirmationKeepsTheStudentAndSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestServer server = TestServer.start(dataDir, smtpTo(closedPort))) {
            HttpResponse<String> response = server.post("/prod/students", student("SV001", "An"), server.key());
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(Json.parse(response.body()).get("message").asText())
                    .startsWith("Student data saved, but email to sv001@example.com failed: ");
            assertThat(Json.parse(server.get("/prod/students", server.key()).body())).hasSize(1);

            HttpResponse<String> backup = server.post("/prod/backup", null, server.key());
            assertThat(backup.statusCode()).isEqualTo(500);
            JsonNode body = Json.parse(backup.body());
            assertThat(body.get("message").asText()).startsWith("Backup successful but email failed: ");
            assertThat(new DataDirectory(dataDir).buckets().resolve("student-backup-20250706")
                    .resolve(body.get("key").asText()))
                    .satisfies(file -> assertThat(Files.size(file)).isPositive());
        }
    }
}
