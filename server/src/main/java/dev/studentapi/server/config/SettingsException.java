package dev.studentapi.server.config;

import dev.studentapi.config.ConfigurationException;

/** A configuration variable of the server is unknown or malformed; the message names it. */
public class SettingsException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
