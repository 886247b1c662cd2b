package dev.studentapi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code student-api serve} with a shared engine that is not there, as a user meets it: one line naming the engine
 * and its address on standard error, exit status 1, no stack trace; and shared engines without shared control-plane
 * credentials are refused before anything is reached.
 */
class UnreachableEngineStartTest {

    @TempDir
    Path dataDir;

    /** How the process ended: its status and standard error's lines. */
    private record Exit(int status, List<String> errors) {
        /** The lines that are not the log's own INFO lines of a normal start. */
        List<String> problems() {
            return errors.stream().filter(line -> !line.matches("[0-9:.T-]+Z? +INFO .*")).toList();
        }
    }

    private Exit serve(Map<String, String> variables) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(), "PORT", "0",
                "ADMIN_PORT", "0", "HOST", "127.0.0.1"));
        environment.putAll(variables);
        Process process = ChildJvm.start(environment, List.of("-Xmx128m"),
                "dev.studentapi.server.cli.Main", "serve");
        process.getOutputStream().close();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exited").isTrue();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Exit(process.exitValue(), errors.lines().toList());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableRedisIsOneLineAndExitStatusOne() throws Exception {
        int port = closedPort();

        Exit exit = serve(Map.of("LIMITER", "redis", "REDIS_URL", "redis://127.0.0.1:" + port));

        assertThat(exit.status()).isEqualTo(1);
        assertThat(exit.problems()).singleElement().satisfies(line ->
                assertThat(line).startsWith("error: Redis is unreachable at 127.0.0.1:" + port));
        assertThat(exit.errors()).noneSatisfy(line -> assertThat(line).containsAnyOf("\tat ", "Exception", "WARN"));
    }

    @Test
    void anUnreachableDynamoDbIsOneLineAndExitStatusOne() throws Exception {
        int port = closedPort();

        Exit exit = serve(Map.of("STORE", "dynamodb", "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port,
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "ADMIN_ACCESS_KEY_ID", "AKIASHAREDBYINSTANCES", "ADMIN_SECRET_ACCESS_KEY", "shared-secret-of-them-all"));

        assertThat(exit.status()).isEqualTo(1);
        assertThat(exit.problems()).singleElement().satisfies(line ->
                assertThat(line).startsWith("error: DynamoDB is unreachable at http://127.0.0.1:" + port));
        assertThat(exit.errors()).noneSatisfy(line -> assertThat(line).containsAnyOf("\tat ", "Exception", "WARN"));
    }

    @Test
    void sharedEnginesWithoutSharedControlPlaneCredentialsAreRefused() throws Exception {
        Exit exit = serve(Map.of("STORE", "dynamodb", "AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));

        assertThat(exit.status()).isEqualTo(2);
        assertThat(exit.errors()).containsExactly("error: STORE=dynamodb: set ADMIN_ACCESS_KEY_ID and "
                + "ADMIN_SECRET_ACCESS_KEY (or ADMIN_CREDENTIALS_FILE), the same on every instance (generated "
                + "control-plane credentials would differ per instance)");
    }
}
