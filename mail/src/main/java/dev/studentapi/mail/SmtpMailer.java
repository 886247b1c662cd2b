package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.util.MailConnectException;

import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Properties;

/**
 * Delivers e-mail through an SMTP server, one connection per message. Safe for concurrent use; a failure
 * throws {@link MailFailure} with a short reason that never contains the password.
 */
public final class SmtpMailer implements Mailer {

    private final SmtpSettings settings;
    private final Session session;
    private final MimeComposer composer;

    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.composer = new MimeComposer(clock);
    }

    private static Properties properties(SmtpSettings settings) {
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        if (settings.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public void send(EmailMessage message) throws MailFailure {
        MimeMessage mime;
        try {
            mime = composer.compose(session, message);
        } catch (MessagingException e) {
            throw new MailFailure("The e-mail could not be composed: " + firstLine(e.getMessage()), e);
        }
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw new MailFailure(redact(reason(e)), e);
        } finally {
            closeQuietly(transport);
        }
    }

    /** Once the server has accepted the message, a failing QUIT must not turn the delivery into a failure. */
    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the connection is dropped either way
        }
    }

    private String reason(MessagingException e) {
        String own = firstLine(e.getMessage());
        if (e instanceof MailConnectException) {
            return own + cause(e);
        }
        if (e instanceof AuthenticationFailedException) {
            return "The SMTP server refused the login of " + settings.username() + (own.isEmpty() ? "" : ": " + own);
        }
        if (e instanceof SendFailedException) {
            return "The SMTP server refused the message: " + own;
        }
        if (e.getCause() instanceof SocketTimeoutException) {
            return "The SMTP server " + settings.host() + ":" + settings.port() + " did not answer within "
                    + settings.timeout().toSeconds() + " s";
        }
        return "SMTP error: " + own + cause(e);
    }

    private static String cause(Exception e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnknownHostException) {
            return " (unknown host)";
        }
        return cause == null || cause.getMessage() == null ? "" : " (" + firstLine(cause.getMessage()) + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("").strip();
        return line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
    }

    private String redact(String reason) {
        String password = settings.password();
        return password == null || password.isEmpty() ? reason : reason.replace(password, "***");
    }
}
