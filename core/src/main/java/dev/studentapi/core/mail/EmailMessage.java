package dev.studentapi.core.mail;

import java.util.Objects;

/** One e-mail with a plain-text and an HTML part. */
public record EmailMessage(String from, String to, String subject, String text, String html) {
    public EmailMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
