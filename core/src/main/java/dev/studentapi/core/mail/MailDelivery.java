package dev.studentapi.core.mail;

/** Whether the e-mail that follows a stored change went out. */
public sealed interface MailDelivery {

    record Sent() implements MailDelivery {}

    record Failed(String reason) implements MailDelivery {}

    static MailDelivery attempt(Mailer mailer, EmailMessage message) {
        try {
            mailer.send(message);
            return new Sent();
        } catch (MailFailure | RuntimeException e) {
            return new Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
