package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/**
 * Turns an {@link EmailMessage} into a UTF-8 multipart/alternative MIME message (text/plain then text/html)
 * with Date and Message-ID headers. Stateless and safe for concurrent use; a malformed address fails with
 * {@link MessagingException}.
 */
public final class MimeComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up on every body part and encoded word, by a system property and
        // else by a ServiceLoader scan of the class path (about half of composing a message). Naming the provider
        // the scan would find makes that lookup a class lookup.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Clock clock;

    public MimeComposer(Clock clock) {
        this.clock = clock;
    }

    /** A new message in {@code session}, headers already saved, ready to write or send. */
    public MimeMessage compose(Session session, EmailMessage message) throws MessagingException {
        InternetAddress from = encoded(new InternetAddress(message.from(), true));
        MimeMessage mime = new FixedIdMessage(session, messageId(from));
        mime.setFrom(from);
        InternetAddress[] to = InternetAddress.parse(message.to(), true);
        for (InternetAddress recipient : to) {
            encoded(recipient);
        }
        mime.setRecipients(Message.RecipientType.TO, to);
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), UTF_8, "html");
        mime.setContent(new MimeMultipart("alternative", text, html));
        mime.saveChanges();
        return mime;
    }

    /** Encodes a display name such as "Phòng Đào tạo" as a MIME encoded-word, so headers stay 7-bit. */
    private static InternetAddress encoded(InternetAddress address) throws MessagingException {
        if (address.getPersonal() != null) {
            try {
                address.setPersonal(address.getPersonal(), UTF_8);
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("UTF-8 is not supported", e);
            }
        }
        return address;
    }

    private static String messageId(InternetAddress from) {
        String address = from.getAddress();
        int at = address.lastIndexOf('@');
        String domain = at >= 0 && at < address.length() - 1 ? address.substring(at + 1) : "studentapi.invalid";
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** A message whose Message-ID is chosen up front, so saving it twice (as Transport does) keeps the id. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
