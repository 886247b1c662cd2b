package dev.studentapi.server.cli;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.server.Components;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.Optional;

/** Creates, lists, enables, disables and deletes API keys. */
@Command(name = "keys", description = "Manage API keys.", subcommands = {
        KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Enable.class, KeysCommand.Disable.class,
        KeysCommand.Delete.class})
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
}
