package dev.studentapi.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SmtpMailerTest extends MimeMailerContract {

    static final String USER = "clerk";
    static final String PASSWORD = "correct-horse-battery-staple";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("clerk@school.test", USER, PASSWORD));

    static SmtpSettings settings(String username, String password) {
        return new SmtpSettings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), username, password, false);
    }

    @Override
    protected Mailer mailer(Clock clock) {
        return new SmtpMailer(SmtpSettings.anonymous("127.0.0.1", GREEN_MAIL.getSmtp().getPort()), clock);
    }

    @Override
    protected List<MimeMessage> awaitMessages(int count) {
        assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, count)).as("%d messages arrive", count).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(count);
        return Arrays.asList(received);
    }

    @Nested
    class Login {

        @Test
        void sendsAfterLoggingInWithUsernameAndPassword() throws Exception {
            new SmtpMailer(settings(USER, PASSWORD), clock).send(message("authenticated"));

            assertThat(awaitMessages(1)).extracting(MimeMessage::getSubject).containsExactly("authenticated");
        }

        @Test
        void aRefusedLoginFailsWithAReasonThatHidesThePassword() {
            String wrong = "wrong-" + PASSWORD;

            MailFailure failure = catchThrowableOfType(MailFailure.class,
                    () -> new SmtpMailer(settings(USER, wrong), clock).send(message("refused")));

            assertThat(failure.getMessage()).startsWith("The SMTP server refused the login of clerk")
                    .contains("535").doesNotContain(wrong).doesNotContain(PASSWORD);
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        }
    }

    @Nested
    class Unreachable {

        @Test
        void aClosedPortFailsQuicklyWithAShortReasonThatHidesThePassword() throws Exception {
            int closed = freePort();
            SmtpMailer mailer = new SmtpMailer(new SmtpSettings("127.0.0.1", closed, USER, PASSWORD, true), clock);

            long started = System.nanoTime();
            MailFailure failure = catchThrowableOfType(MailFailure.class, () -> mailer.send(message("nowhere")));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(failure.getMessage())
                    .startsWith("Couldn't connect to host, port: 127.0.0.1, " + closed + "; timeout 10000")
                    .doesNotContain(PASSWORD).doesNotContain("\n");
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    @Nested
    class Settings {

        @Test
        void neverPrintThePassword() {
            SmtpSettings settings = settings(USER, PASSWORD);

            assertThat(settings.toString()).contains("username=clerk", "password=***").doesNotContain(PASSWORD);
            assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void rejectAPasswordWithoutAUsernameAndAnImpossiblePort() {
            assertThatThrownBy(() -> new SmtpSettings("smtp.test", 587, null, PASSWORD, true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(PASSWORD);
            assertThatThrownBy(() -> SmtpSettings.anonymous("smtp.test", 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
