package dev.studentapi.server.cli;

import dev.studentapi.server.Components;
import dev.studentapi.server.config.Engines;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.config.SettingsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the same stores as the server, on the same data directory, for one CLI command; the gateway, the bucket
 * and the mailer, which no console task uses, are never built.
 */
final class Stores {
    private Stores() {
    }

    /**
     * The stores of {@code main}'s data directory; a SQLite store whose database does not exist is refused (exit
     * status 2) rather than created empty, since a command run from the wrong folder would otherwise act on a new,
     * empty database and say nothing.
     */
    static Components open(Main main) {
        Settings settings = existing(main);
        return Components.build(settings, Clock.systemUTC(), () -> settings.publicBaseUrl(settings.port()));
    }

    /** The settings of {@code main}'s data directory, refused as {@link #open} says when it has no database. */
    static Settings existing(Main main) {
        Settings settings = Settings.fromEnvironment(main.environment());
        Path database = settings.dataDir().database();
        if (settings.engines().store() == Engines.Store.SQLITE && !Files.isRegularFile(database)) {
            throw new SettingsException("no database at " + database.toAbsolutePath().normalize()
                    + " (start the server there first, or choose the data directory with --data-dir or DATA_DIR)");
        }
        return settings;
    }
}
