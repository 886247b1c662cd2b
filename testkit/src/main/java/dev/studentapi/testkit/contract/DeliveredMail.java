package dev.studentapi.testkit.contract;

/**
 * What the recipient's mail program shows of one delivered message: sender and recipient as
 * {@code Name <address>} (or the bare address), the subject, and the plain-text and HTML parts.
 */
public record DeliveredMail(String from, String to, String subject, String text, String html) {
}
