package dev.studentapi.server.cli;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.server.ApiKeyValues;
import dev.studentapi.server.Components;
import dev.studentapi.server.config.ApiKeyStorage;
import dev.studentapi.server.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Creates, lists, enables, disables and deletes API keys. */
@Command(name = "keys", description = "Manage API keys.", subcommands = {
        KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Enable.class, KeysCommand.Disable.class,
        KeysCommand.Delete.class, KeysCommand.MigrateStorage.class})
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

        @Override
        public void run() {
            try (Components c = Stores.open(keys.main)) {
                IssuedApiKey issued = c.keys.create(name, description, !disabled, Optional.ofNullable(value));
                PrintWriter out = keys.main.spec.commandLine().getOut();
                out.println("id: " + issued.key().id());
                out.println("name: " + issued.key().name());
                out.println("value: " + issued.value());
                out.println("(the value is shown only now; only its hash is stored)");
            }
        }
    }

    @Command(name = "list", description = "List keys (values are never shown).")
    static final class ListKeys implements Runnable {
        @ParentCommand
        KeysCommand keys;

        @Override
        public void run() {
            try (Components c = Stores.open(keys.main)) {
                PrintWriter out = keys.main.spec.commandLine().getOut();
                out.printf("%-10s  %-8s  %-24s  %s%n", "ID", "ENABLED", "CREATED", "NAME");
                for (ApiKey key : c.keys.list()) {
                    out.printf("%-10s  %-8s  %-24s  %s%n", key.id(), key.enabled(), key.createdDate(), key.name());
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
            c.keys.setEnabled(id, enabled);
            main.spec.commandLine().getOut().println((enabled ? "enabled " : "disabled ") + id);
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
                c.keys.delete(id);
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
            Settings settings = Settings.fromEnvironment(keys.main.environment);
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
}
