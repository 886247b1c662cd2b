package dev.studentapi.server.config;

/** A configuration variable is unknown or malformed; the message names it. */
public class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
