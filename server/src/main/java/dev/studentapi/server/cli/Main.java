package dev.studentapi.server.cli;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.StoreException;
import dev.studentapi.server.config.SettingsException;
import dev.studentapi.server.logging.ConsoleLogging;
import picocli.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/** The {@code student-api} command: {@code serve}, the console's key, plan and usage tasks, student import/export. */
@Command(name = "student-api", mixinStandardHelpOptions = true, version = "student-api 0.1.0",
        description = "Student records API with API keys, usage plans, backups and e-mail.",
        subcommands = {ServeCommand.class, KeysCommand.class, PlansCommand.class, UsageCommand.class,
                WarmUpCommand.class, StudentsCommand.class, AuditCommand.class})
public final class Main implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private final Map<String, String> environment;
    /** Standard output as bytes, for the commands that write files (an export). */
    final OutputStream stdout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "The server's data directory (default: DATA_DIR, else ./data).")
    String dataDir;

    Main(Map<String, String> environment, OutputStream stdout) {
        this.environment = environment;
        this.stdout = stdout;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The environment the command runs in, with {@code --data-dir} as {@code DATA_DIR} when given. */
    Map<String, String> environment() {
        if (dataDir == null) {
            return environment;
        }
        Map<String, String> chosen = new HashMap<>(environment);
        chosen.put("DATA_DIR", dataDir);
        return chosen;
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0 || !ServeCommand.serving()) {
            ConsoleLogging.stop();
            System.exit(code);
        }
    }

    /** Runs one command line against the given environment; returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return run(args, environment, out, err, System.out);
    }

    /** {@link #run(String[], Map, PrintWriter, PrintWriter)} with standard output as bytes too. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err,
                          OutputStream stdout) {
        CommandLine commandLine = new CommandLine(new Main(environment, stdout));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof Refusal refusal) {
                line.getErr().println(RefusalLine.of(refusal));
                return RefusalLine.EXIT_STATUS;
            }
            if (e instanceof SettingsException) {
                line.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof StoreException unreachable) {
                LOG.debug("an engine could not be reached", unreachable);
                line.getErr().println("error: " + firstLine(unreachable.getMessage()));
                return 1;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    /** The first line of an engine's message, at most 300 characters (the SDKs' messages run on). */
    private static String firstLine(String message) {
        String line = message == null ? "an engine could not be reached" : message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
