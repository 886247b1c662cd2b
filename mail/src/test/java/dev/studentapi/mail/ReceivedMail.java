package dev.studentapi.mail;

import dev.studentapi.testkit.contract.DeliveredMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;

/** What a recipient sees of a delivered message, read back through Jakarta Mail. */
record ReceivedMail(String from, String to, String subject, String text, String html, String contentType,
                    String messageId, Instant sent) {

    static ReceivedMail of(MimeMessage message) throws MessagingException, IOException {
        Multipart parts = (Multipart) message.getContent();
        String text = null;
        String html = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        return new ReceivedMail(
                display((InternetAddress) message.getFrom()[0]),
                display((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]),
                message.getSubject(), text, html, message.getContentType(), message.getMessageID(),
                message.getSentDate() == null ? null : message.getSentDate().toInstant());
    }

    /** What every mailer's contract compares. */
    DeliveredMail asDelivered() {
        return new DeliveredMail(from, to, subject, text, html);
    }

    /** {@code Name <address>} with the name decoded and unquoted, or the bare address. */
    private static String display(InternetAddress address) {
        return address.getPersonal() == null ? address.getAddress()
                : address.getPersonal() + " <" + address.getAddress() + ">";
    }
}
