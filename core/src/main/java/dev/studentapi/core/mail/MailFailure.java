package dev.studentapi.core.mail;

/** An e-mail could not be delivered; the message says why in words fit for a user. */
public class MailFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public MailFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    public MailFailure(String reason) {
        super(reason);
    }
}
