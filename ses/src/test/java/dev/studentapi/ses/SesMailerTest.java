package dev.studentapi.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.aws.AwsAccess;
import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.testkit.MotoServer;
import dev.studentapi.testkit.RequiresMotoServer;
import dev.studentapi.testkit.contract.DeliveredMail;
import dev.studentapi.testkit.contract.MailerContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SES mailer against moto_server, which keeps every message SES accepted in its model dump. */
@RequiresMotoServer
class SesMailerTest extends MailerContract {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?UTF-8\\?B\\?([^?]*)\\?=");

    private static MotoServer moto;
    private static SesV2Client client;
    private static SesMailer mailer;
    private int sentBefore;

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

    @BeforeEach
    void countWhatEarlierTestsSent() throws Exception {
        sentBefore = sent().size();
    }

    @Override
    protected Mailer mailer() {
        return mailer;
    }

    /** SES answers only once it has accepted the message, so what this test sent is in moto already. */
    @Override
    protected List<DeliveredMail> awaitDelivered(int count) throws Exception {
        List<DeliveredMail> delivered = new ArrayList<>();
        for (SentMail mail : sent().subList(sentBefore, sentBefore + count)) {
            delivered.add(new DeliveredMail(decoded(mail.source()), decoded(String.join(", ", mail.to())),
                    mail.subject(), null, mail.body()));
        }
        assertThat(sent()).hasSize(sentBefore + count);
        return delivered;
    }

    /** moto keeps the HTML part of simple content as the message's body and drops the text part. */
    @Override
    protected boolean showsTextPart() {
        return false;
    }

    /** What moto recorded of a message SES accepted: addresses as sent, the HTML part as the body. */
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

    /** An address as a mail program shows it: UTF-8 encoded-words decoded. */
    private static String decoded(String address) {
        Matcher word = ENCODED_WORD.matcher(address);
        StringBuilder shown = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(shown, Matcher.quoteReplacement(
                    new String(Base64.getDecoder().decode(word.group(1)), StandardCharsets.UTF_8)));
        }
        return word.appendTail(shown).toString();
    }

    @Test
    void writesNonAsciiDisplayNamesAsEncodedWords() throws Exception {
        EmailMessage sent = vietnamese();
        mailer.send(sent);

        SentMail mail = sentWithSubject(sent.subject());
        assertThat(mail.source()).isEqualTo(Addresses.encoded(sent.from()))
                .startsWith("=?UTF-8?B?").endsWith(" <daotao@truong.test>");
        assertThat(mail.to()).containsExactly(Addresses.encoded(sent.to()));
    }

    @Test
    void sendsToEveryAddressOfAList() throws Exception {
        mailer.send(new EmailMessage("noreply@school.test", "a@school.test, \"Office, Main\" <b@school.test>",
                "to two", "t", "<p>h</p>"));

        assertThat(sentWithSubject("to two").to())
                .containsExactly("a@school.test", "\"Office, Main\" <b@school.test>");
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
