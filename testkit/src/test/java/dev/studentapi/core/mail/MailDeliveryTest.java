package dev.studentapi.core.mail;

import dev.studentapi.testkit.fake.RecordingMailer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailDeliveryTest {

    private static final EmailMessage MESSAGE = new EmailMessage("from@school.test", "to@school.test", "Subject",
            "text", "<p>html</p>");

    @Test
    void aDeliveredMessageIsSent() {
        RecordingMailer mailer = new RecordingMailer();

        assertThat(MailDelivery.attempt(mailer, MESSAGE)).isEqualTo(new MailDelivery.Sent());
        assertThat(mailer.sent()).containsExactly(MESSAGE);
    }

    @Test
    void aRefusedMessageIsFailedWithTheMailersReason() {
        RecordingMailer mailer = new RecordingMailer();
        mailer.refuseWith("mailbox unavailable");

        assertThat(MailDelivery.attempt(mailer, MESSAGE)).isEqualTo(new MailDelivery.Failed("mailbox unavailable"));
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void anUnexpectedErrorIsAFailureNamedByItsKindWhenItHasNoMessage() {
        Mailer broken = message -> {
            throw new IllegalStateException();
        };

        assertThat(MailDelivery.attempt(broken, MESSAGE)).isEqualTo(new MailDelivery.Failed("IllegalStateException"));
    }
}
