package dev.studentapi.server.cli;

import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.server.ApiKeyValues;
import dev.studentapi.server.Components;
import dev.studentapi.server.config.ApiKeyStorage;
import dev.studentapi.server.config.Settings;
import dev.studentapi.core.audit.AuditOperation;
import dev.studentapi.core.audit.AuditSummary;
import dev.studentapi.core.audit.AuditTrail;
import dev.studentapi.core.lifecycle.KeyStatus;
import dev.studentapi.core.lifecycle.RotatedKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Creates, lists, enables, disables, expires, rotates and deletes API keys; every change is recorded in the audit
 * log as made by {@code cli}.
 */
@Command(name = "keys", description = "Manage API keys.", subcommands = {
        KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Enable.class, KeysCommand.Disable.class,
        KeysCommand.Expire.class, KeysCommand.Rotate.class, KeysCommand.Delete.class, KeysCommand.MigrateStorage.class})
final class KeysCommand {

    @ParentCommand
    Main main;

    @Command(name = "create", description = "Create a key and print its value (shown only this once).")
    static final class Create implements Runnable {
        @ParentCommand
        KeysCommand keys;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--description", defaultValue = "")
        String description;
        @Option(names = "--value", description = "A custom value of at least 20 characters.")
        String value;
        @Option(names = "--disabled")
        boolean disabled;
        @Option(names = "--expires", paramLabel = "TIME",
                description = "When the key stops working, as an ISO time (2027-01-31T00:00:00Z).")
        String expires;

        @Override
        public void run() {
            Optional<Instant> expiration = Optional.ofNullable(expires).map(text -> time(keys, text));
            try (Components c = Stores.open(keys.main)) {
                IssuedApiKey issued = c.audit.creation(AuditTrail.CLI, AuditOperation.CREATE_API_KEY, () -> {
                    IssuedApiKey created = c.keys.create(name, description, !disabled, Optional.ofNullable(value));
                    expiration.ifPresent(time -> c.lifecycle.setExpiration(created.key().id(), Optional.of(time)));
                    return created;
                }, created -> created.key().id());
                PrintWriter out = keys.main.spec.commandLine().getOut();
                out.println("id: " + issued.key().id());
                out.println("name: " + issued.key().name());
                out.println("value: " + issued.value());
                expiration.ifPresent(time -> out.println("expires: " + time));
                out.println("(the value is shown only now; only its hash is stored)");
            }
        }
    }

    @Command(name = "list", description = "List keys with their last use and expiration (values are never shown).")
    static final class ListKeys implements Runnable {
        @ParentCommand
        KeysCommand keys;

        @Override
        public void run() {
            try (Components c = Stores.open(keys.main)) {
                PrintWriter out = keys.main.spec.commandLine().getOut();
                String format = "%-10s  %-8s  %-24s  %-20s  %-20s  %s%n";
                out.printf(format, "ID", "ENABLED", "CREATED", "LAST USED", "EXPIRES", "NAME");
                for (KeyStatus status : c.lifecycle.statuses()) {
                    out.printf(format, status.key().id(), status.key().enabled(), status.key().createdDate(),
                            status.lastUsedDate().map(KeysCommand::seconds).orElse("never"),
                            status.expirationDate().map(t -> seconds(t) + (status.expired() ? " (expired)" : ""))
                                    .orElse("never"),
                            status.key().name());
                }
            }
        }
    }

    @Command(name = "enable", description = "Enable a key.")
    static final class Enable implements Runnable {
        @ParentCommand
        KeysCommand keys;
        @Parameters(paramLabel = "KEY_ID")
        String id;

        @Override
        public void run() {
            keys.setEnabled(id, true);
        }
    }

    @Command(name = "disable", description = "Disable a key: its requests get 403 at once.")
    static final class Disable implements Runnable {
        @ParentCommand
        KeysCommand keys;
        @Parameters(paramLabel = "KEY_ID")
        String id;

        @Override
        public void run() {
            keys.setEnabled(id, false);
        }
    }

    private void setEnabled(String id, boolean enabled) {
        try (Components c = Stores.open(main)) {
            c.audit.change(AuditTrail.CLI, AuditOperation.UPDATE_API_KEY, id, () -> c.keys.setEnabled(id, enabled));
            main.spec.commandLine().getOut().println((enabled ? "enabled " : "disabled ") + id);
        }
    }

    @Command(name = "expire", description = "Set when a key stops working (its requests then get 403), or never.")
    static final class Expire implements Runnable {
        @ParentCommand
        KeysCommand keys;
        @Parameters(index = "0", paramLabel = "KEY_ID")
        String id;
        @Parameters(index = "1", paramLabel = "TIME|never", description = "An ISO time (2027-01-31T00:00:00Z) or never.")
        String when;

        @Override
        public void run() {
            Optional<Instant> expiration = "never".equals(when) ? Optional.empty() : Optional.of(time(keys, when));
            try (Components c = Stores.open(keys.main)) {
                c.audit.change(AuditTrail.CLI, AuditOperation.SET_API_KEY_EXPIRATION, id,
                        () -> c.lifecycle.setExpiration(id, expiration));
                keys.main.spec.commandLine().getOut().println(expiration
                        .map(time -> id + " expires " + time).orElse(id + " never expires"));
            }
        }
    }

    @Command(name = "rotate", description = "Create a replacement key on the same plans; the old key stays enabled.")
    static final class Rotate implements Runnable {
        @ParentCommand
        KeysCommand keys;
        @Parameters(paramLabel = "KEY_ID")
        String id;
        @Option(names = "--name", description = "The new key's name (default: the old key's).")
        String name;

        @Override
        public void run() {
            try (Components c = Stores.open(keys.main)) {
                Optional<AuditSummary> before = c.audit.snapshot(AuditOperation.ROTATE_API_KEY, id);
                RotatedKey rotated = c.lifecycle.rotate(id, Optional.ofNullable(name));
                String newId = rotated.replacement().key().id();
                c.audit.record(AuditTrail.CLI, AuditOperation.ROTATE_API_KEY, id, before, c.audit.replacement(newId));
                PrintWriter out = keys.main.spec.commandLine().getOut();
                out.println("id: " + newId);
                out.println("name: " + rotated.replacement().key().name());
                out.println("value: " + rotated.replacement().value());
                out.println("plans: " + String.join(",", rotated.planIds()));
                out.println("replaces: " + id);
                out.println("(the old key stays enabled: disable it once its clients use the new one)");
                out.println("(the value is shown only now; only its hash is stored)");
            }
        }
    }

    @Command(name = "delete", description = "Delete a key and its plan bindings.")
    static final class Delete implements Runnable {
        @ParentCommand
        KeysCommand keys;
        @Parameters(paramLabel = "KEY_ID")
        String id;

        @Override
        public void run() {
            try (Components c = Stores.open(keys.main)) {
                c.audit.change(AuditTrail.CLI, AuditOperation.DELETE_API_KEY, id, () -> {
                    c.keys.delete(id);
                    return id;
                });
                keys.main.spec.commandLine().getOut().println("deleted " + id);
            }
        }
    }

    @Command(name = "migrate-storage", description = "Switch how key values are kept (API_KEY_STORAGE): "
            + "'encrypted' keeps new keys' values encrypted; 'hash' drops every stored value. Then start the "
            + "server with the same API_KEY_STORAGE.")
    static final class MigrateStorage implements Runnable {
        @ParentCommand
        KeysCommand keys;
        @Parameters(paramLabel = "MODE", description = "hash or encrypted")
        String mode;

        @Override
        public void run() {
            ApiKeyStorage.Mode target;
            try {
                target = ApiKeyStorage.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(keys.main.spec.commandLine(),
                        "MODE must be hash or encrypted, not " + mode);
            }
            Settings settings = Stores.existing(keys.main);
            try (Components c = Components.toMigrateKeyStorage(settings, Clock.systemUTC(),
                    () -> settings.publicBaseUrl(settings.port()), target)) {
                ApiKeyValues.Migration done = c.migrateKeyStorage();
                PrintWriter out = keys.main.spec.commandLine().getOut();
                out.println("API key values are now kept as API_KEY_STORAGE=" + target.setting()
                        + (done.dropped() > 0 ? "; dropped the stored values of " + done.dropped() + " key(s)" : "")
                        + (done.hashOnly() > 0 ? "; " + done.hashOnly() + " older key(s) keep only their hash, "
                        + "so their values cannot be shown" : ""));
                out.println("Start the server with API_KEY_STORAGE=" + target.setting() + ".");
            }
        }
    }

    private static String seconds(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An ISO time with an offset ({@code 2027-01-31T00:00:00Z}, {@code 2027-01-31T07:00:00+07:00}). */
    private static Instant time(KeysCommand keys, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(keys.main.spec.commandLine(),
                    "error: '" + text + "' is not an ISO time such as 2027-01-31T00:00:00Z");
        }
    }
}
