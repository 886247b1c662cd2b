package dev.studentapi.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.aws.AwsAccess;
import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.testkit.MotoServer;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SesMailerTest {

    private static MotoServer moto;
    private static SesV2Client client;
    private static SesMailer mailer;

    @BeforeAll
    static void startMotoAndVerifySenders() {
        moto = MotoServer.start();
        client = SesMailer.client(new AwsAccess("us-east-1", Optional.of(moto.endpoint()),
                Optional.of(AwsAccess.Keys.of("test", "test"))));
        client.createEmailIdentity(r -> r.emailIdentity("noreply@school.test"));
        client.createEmailIdentity(r -> r.emailIdentity("truong.test"));
        mailer = new SesMailer(client);
    }

    @AfterAll
    static void stopMoto() {
        if (client != null) {
            client.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    static EmailMessage message(String subject) {
        return new EmailMessage("Student Records <noreply@school.test>", "registrar@school.test", subject,
                "Plain body of " + subject, "<p>HTML body of " + subject + "</p>");
    }

    /** What moto recorded of a message SES accepted: moto keeps the HTML part as the body of simple content. */
    record SentMail(String source, List<String> to, String subject, String body) {}

    /** The messages moto's SES has accepted so far, from its model dump, oldest first. */
    static List<SentMail> sent() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/data.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode messages = new ObjectMapper().readTree(response.body()).path("ses").path("Message");
        List<SentMail> sent = new ArrayList<>();
        for (JsonNode message : messages) {
            List<String> to = new ArrayList<>();
            message.path("destinations").path("ToAddresses").forEach(address -> to.add(address.asText()));
            sent.add(new SentMail(message.path("source").asText(), to, message.path("subject").asText(),
                    message.path("body").asText()));
        }
        return sent;
    }

    static SentMail sentWithSubject(String subject) throws IOException, InterruptedException {
        return sent().stream().filter(mail -> mail.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("moto has no message with subject " + subject));
    }

    @Test
    void sendsSubjectAddressesAndHtmlToSes() throws Exception {
        mailer.send(message("Student Data Backup"));

        assertThat(sentWithSubject("Student Data Backup")).isEqualTo(new SentMail(
                "Student Records <noreply@school.test>", List.of("registrar@school.test"), "Student Data Backup",
                "<p>HTML body of Student Data Backup</p>"));
    }

    @Test
    void keepsVietnameseSubjectAndBodyAndEncodesDisplayNames() throws Exception {
        String subject = "Xác nhận đăng ký: Nguyễn Thị Ánh";
        String html = "<p>Xin chào <b>Nguyễn Thị Ánh</b>, lớp 12A1 — ngày sinh 2008-03-14.</p>";
        mailer.send(new EmailMessage("Phòng Đào tạo <daotao@truong.test>", "Nguyễn Thị Ánh <anh@truong.test>",
                subject, "Xin chào Nguyễn Thị Ánh", html));

        SentMail mail = sentWithSubject(subject);
        assertThat(mail.body()).isEqualTo(html);
        assertThat(mail.source()).isEqualTo(Addresses.encoded("Phòng Đào tạo <daotao@truong.test>"))
                .startsWith("=?UTF-8?B?").endsWith(" <daotao@truong.test>");
        assertThat(mail.to()).containsExactly(Addresses.encoded("Nguyễn Thị Ánh <anh@truong.test>"));
    }

    @Test
    void sendsToEveryAddressOfAList() throws Exception {
        mailer.send(new EmailMessage("noreply@school.test", "a@school.test, \"Office, Main\" <b@school.test>",
                "to two", "t", "<p>h</p>"));

        assertThat(sentWithSubject("to two").to())
                .containsExactly("a@school.test", "\"Office, Main\" <b@school.test>");
    }

    @Test
    void sendsConcurrentMessagesEachOnce() throws Exception {
        Race.run(8, thread -> {
            mailer.send(message("concurrent " + thread));
            return null;
        });

        assertThat(sent()).extracting(SentMail::subject).filteredOn(subject -> subject.startsWith("concurrent "))
                .hasSize(8).doesNotHaveDuplicates();
    }

    @Nested
    class Failures {

        @Test
        void anUnverifiedSenderIsRefusedWithAReadableReason() throws Exception {
            EmailMessage fromStranger = new EmailMessage("stranger@elsewhere.test", "registrar@school.test",
                    "unverified", "t", "<p>h</p>");

            assertThatThrownBy(() -> mailer.send(fromStranger)).isInstanceOf(MailFailure.class)
                    .hasMessage("Amazon SES refused the message: Email address not verified stranger@elsewhere.test");
            assertThat(sent()).extracting(SentMail::subject).doesNotContain("unverified");
        }

        @Test
        void aMessageWithoutRecipientIsRefusedBeforeCallingSes() {
            assertThatThrownBy(() -> mailer.send(new EmailMessage("noreply@school.test", " , ", "s", "t", "h")))
                    .isInstanceOf(MailFailure.class).hasMessage("The e-mail has no recipient");
        }

        @Test
        void anUnreachableEndpointFailsWithAReadableReasonAndNoSecret() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (SesV2Client offline = SesMailer.client(new AwsAccess("us-east-1",
                    Optional.of(URI.create("http://127.0.0.1:" + closedPort)),
                    Optional.of(AwsAccess.Keys.of("AKIDEXAMPLE", "wJalrXUtnFEMI-secret"))))) {

                assertThatThrownBy(() -> new SesMailer(offline).send(message("offline")))
                        .isInstanceOf(MailFailure.class)
                        .hasMessageStartingWith("Couldn't reach Amazon SES: ")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wJalrXUtnFEMI-secret"));
            }
        }
    }
}
