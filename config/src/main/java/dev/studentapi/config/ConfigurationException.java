package dev.studentapi.config;

/** A configuration variable is missing, unknown or malformed; the message names it. */
public class ConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
