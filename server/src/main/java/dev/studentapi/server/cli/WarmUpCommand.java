package dev.studentapi.server.cli;

import dev.studentapi.server.RunningServer;
import dev.studentapi.server.StudentApiServer;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.logging.ConsoleLogging;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training run for a class-data-sharing archive: starts the server on a temporary data folder and free
 * ports, sends the requests a first visitor sends (web page, list, insert), stops and deletes the folder. Run
 * under {@code -XX:ArchiveClassesAtExit=FILE}, it records the classes that start-up loads, so that
 * {@code -XX:SharedArchiveFile=FILE} starts the server faster. The build runs it (server/target/student-api.jsa).
 */
@Command(name = "warm-up", hidden = true,
        description = "Start on a temporary data folder, answer a few requests, stop (class-data-sharing training).")
final class WarmUpCommand implements Runnable {

    @ParentCommand
    Main main;

    @Override
    public void run() {
        ConsoleLogging.warningsOnly();
        Path folder = createFolder();
        try {
            Settings settings = Settings.fromEnvironment(Map.of("DATA_DIR", folder.toString(), "HOST", "127.0.0.1",
                    "PORT", "0", "ADMIN_PORT", "0"));
            try (RunningServer server = StudentApiServer.start(settings)) {
                String key = server.bootstrapKeyValue().orElseThrow();
                HttpClient client = HttpClient.newHttpClient();
                URI base = server.baseUrl();
                expect(client, HttpRequest.newBuilder(base.resolve("/")).build(), 200);
                expect(client, HttpRequest.newBuilder(base.resolve("/app.js")).build(), 200);
                expect(client, HttpRequest.newBuilder(URI.create(server.invokeUrl() + "/students"))
                        .header("x-api-key", key).build(), 200);
                expect(client, HttpRequest.newBuilder(URI.create(server.invokeUrl() + "/students"))
                        .header("x-api-key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"studentid\":\"SV001\",\"name\":\"Warm Up\","
                                + "\"class\":\"CNTT1\",\"birthdate\":\"2003-02-28\",\"email\":\"sv001@example.com\"}"))
                        .build(), 201);
                expect(client, HttpRequest.newBuilder(URI.create(server.invokeUrl() + "/students"))
                        .header("x-api-key", key).build(), 200);
            }
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void expect(HttpClient client, HttpRequest request, int status) {
        try {
            int answered = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (answered != status) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + answered
                        + ", expected " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("student-api-warm-up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("warm-up: could not delete " + folder + ": " + e.getMessage());
        }
    }
}
