package dev.studentapi.mail;

import dev.studentapi.core.mail.Mailer;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.Race;
import dev.studentapi.testkit.contract.DeliveredMail;
import dev.studentapi.testkit.contract.MailerContract;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mailers that compose the MIME message themselves must do besides every mailer's contract: a
 * multipart/alternative message dated by the clock, each with its own Message-ID.
 */
abstract class MimeMailerContract extends MailerContract {

    static final Instant NOW = Instant.parse("2026-11-27T21:05:01.123Z");

    protected final MutableClock clock = new MutableClock(NOW);

    /** A mailer under test that reads time from {@code clock}. */
    protected abstract Mailer mailer(Clock clock) throws Exception;

    /** Waits until {@code count} messages have been delivered and returns them as sent, oldest first. */
    protected abstract List<MimeMessage> awaitMessages(int count) throws Exception;

    @Override
    protected final Mailer mailer() throws Exception {
        return mailer(clock);
    }

    @Override
    protected final List<DeliveredMail> awaitDelivered(int count) throws Exception {
        List<DeliveredMail> delivered = new ArrayList<>();
        for (MimeMessage message : awaitMessages(count)) {
            delivered.add(ReceivedMail.of(message).asDelivered());
        }
        return delivered;
    }

    @Test
    void sendsBothPartsAsAlternatives() throws Exception {
        mailer(clock).send(message("alternatives"));

        assertThat(ReceivedMail.of(awaitMessages(1).get(0)).contentType()).startsWith("multipart/alternative");
    }

    @Test
    void stampsTheDateFromTheClockAndAMessageId() throws Exception {
        mailer(clock).send(message("dated"));

        ReceivedMail mail = ReceivedMail.of(awaitMessages(1).get(0));
        assertThat(mail.sent()).isEqualTo(Instant.parse("2026-11-27T21:05:01Z"));
        assertThat(mail.messageId()).matches("<[^@<>\\s]+@school\\.test>");
    }

    @Test
    void givesConcurrentSendsTheirOwnMessageId() throws Exception {
        Mailer mailer = mailer(clock);
        int senders = 8;

        Race.run(senders, thread -> {
            mailer.send(message("message " + thread));
            return null;
        });

        List<String> ids = new ArrayList<>();
        for (MimeMessage message : awaitMessages(senders)) {
            ids.add(message.getMessageID());
        }
        assertThat(ids).hasSize(senders).doesNotHaveDuplicates();
    }
}
