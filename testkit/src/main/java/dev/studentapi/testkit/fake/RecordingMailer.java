package dev.studentapi.testkit.fake;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mailer that keeps what it was asked to send, or refuses with a reason the test chose. Thread-safe. */
public final class RecordingMailer implements Mailer {

    private final List<EmailMessage> sent = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    @Override
    public void send(EmailMessage message) throws MailFailure {
        if (refusal != null) {
            throw new MailFailure(refusal);
        }
        sent.add(message);
    }

    /** From now on every delivery fails with {@code reason}. */
    public void refuseWith(String reason) {
        refusal = reason;
    }

    /** The messages delivered so far, in order. */
    public List<EmailMessage> sent() {
        return List.copyOf(sent);
    }
}
