package dev.studentapi.server.cli;

import dev.studentapi.server.Components;
import dev.studentapi.server.config.Settings;

import java.time.Clock;

/**
 * Opens the same stores as the server, on the same data directory, for one CLI command; the gateway, the bucket
 * and the mailer, which no console task uses, are never built.
 */
final class Stores {
    private Stores() {
    }

    static Components open(Main main) {
        Settings settings = Settings.fromEnvironment(main.environment);
        return Components.build(settings, Clock.systemUTC(), () -> settings.publicBaseUrl(settings.port()));
    }
}
