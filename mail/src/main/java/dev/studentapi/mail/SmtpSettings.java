package dev.studentapi.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an SMTP server: log in when {@code username} is set, and insist on STARTTLS when
 * {@code startTls} is on. {@code timeout} bounds connecting, reading and writing. Never prints the password.
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls,
                           Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and under 24 days, was " + timeout);
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("a password needs a username");
        }
    }

    /** Settings with the {@link #DEFAULT_TIMEOUT}. */
    public SmtpSettings(String host, int port, String username, String password, boolean startTls) {
        this(host, port, username, password, startTls, DEFAULT_TIMEOUT);
    }

    /** Settings for a server that needs no login and no STARTTLS. */
    public static SmtpSettings anonymous(String host, int port) {
        return new SmtpSettings(host, port, null, null, false);
    }

    /** Whether the mailer logs in before sending. */
    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", startTls=" + startTls
                + ", timeout=" + timeout + "]";
    }
}
