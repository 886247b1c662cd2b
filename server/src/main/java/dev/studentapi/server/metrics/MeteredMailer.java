package dev.studentapi.server.metrics;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;

/** A mailer that counts the e-mails its delegate sent and those it failed to send. */
public final class MeteredMailer implements Mailer {

    private final Mailer delegate;
    private final Metrics metrics;

    public MeteredMailer(Mailer delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void send(EmailMessage message) throws MailFailure {
        try {
            delegate.send(message);
        } catch (MailFailure | RuntimeException e) {
            metrics.mail(false);
            throw e;
        }
        metrics.mail(true);
    }
}
