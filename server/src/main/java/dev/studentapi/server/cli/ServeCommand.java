package dev.studentapi.server.cli;

import dev.studentapi.server.RunningServer;
import dev.studentapi.server.StudentApiServer;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.logging.ConsoleLogging;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;

/**
 * Starts the server and keeps it running until the process is stopped. Prints, on standard output, the key
 * (first start only; else how to make one), the invoke URL, the control plane's endpoint, its generated
 * credentials (first start only) and the web page, one line each, as README shows them.
 */
@Command(name = "serve", description = "Start the server (configuration from environment variables).")
final class ServeCommand implements Runnable {

    /** Printed by a start that created no key: where a key's value went, and how to make another. */
    static final String LOST_KEY_HINT = "API keys: values are shown only when created; to make another, "
            + "student-api keys create --name NAME, then student-api plans bind PLAN_ID KEY_ID "
            + "(PLAN_ID from student-api plans list)";

    private static volatile boolean serving;

    @ParentCommand
    Main main;

    static boolean serving() {
        return serving;
    }

    @Override
    public void run() {
        Settings settings = Settings.fromEnvironment(main.environment());
        RunningServer server = StudentApiServer.start(settings);
        serving = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ConsoleLogging.stop();
        }, "shutdown"));
        PrintWriter out = main.spec.commandLine().getOut();
        server.bootstrapKeyValue().ifPresentOrElse(value -> out.println("StudentApiKey: " + value),
                () -> out.println(LOST_KEY_HINT));
        out.println("Invoke URL: " + server.invokeUrl());
        out.println("Control plane: " + server.controlPlaneEndpoint()
                + " (aws --endpoint-url " + server.controlPlaneEndpoint() + " apigateway get-api-keys)");
        server.generatedAdminCredentials().ifPresent(credentials -> out.println(
                "Control-plane credentials (shown once): ADMIN_ACCESS_KEY_ID=" + credentials.accessKeyId()
                        + " ADMIN_SECRET_ACCESS_KEY=" + credentials.secretAccessKey()));
        out.println("Web page: " + server.baseUrl() + "/");
        out.flush();
    }
}
