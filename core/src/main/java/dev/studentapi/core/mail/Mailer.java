package dev.studentapi.core.mail;

/**
 * Delivers e-mail (to an outbox folder, an SMTP server or a mail service). Safe for concurrent use.
 * A delivery that fails throws {@link MailFailure} with a reason fit to show a user (no secrets).
 */
public interface Mailer {
    void send(EmailMessage message) throws MailFailure;
}
