package dev.studentapi.server.cli;

import dev.studentapi.server.RunningServer;
import dev.studentapi.server.StudentApiServer;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.logging.ConsoleLogging;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;

/** Starts the server and keeps it running until the process is stopped. */
@Command(name = "serve", description = "Start the server (configuration from environment variables).")
final class ServeCommand implements Runnable {

    private static volatile boolean serving;

    @ParentCommand
    Main main;

    static boolean serving() {
        return serving;
    }

    @Override
    public void run() {
        Settings settings = Settings.fromEnvironment(main.environment);
        RunningServer server = StudentApiServer.start(settings);
        serving = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ConsoleLogging.stop();
        }, "shutdown"));
        PrintWriter out = main.spec.commandLine().getOut();
        server.bootstrapKeyValue().ifPresent(value -> out.println("StudentApiKey: " + value));
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
