package dev.studentapi.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code moto_server} (AWS-protocol server for DynamoDB, S3, SES, API Gateway) on a free loopback port,
 * started for a test and stopped with it; its output goes to {@code target/moto_server-<port>.log}.
 * {@link #start()} skips the test, saying why, when moto_server is not on the PATH, or fails it under
 * {@code -Dit.required=true}; mark the class {@link RequiresMotoServer} (or let its extension use
 * {@link #availability()}) so that reports list its tests as skipped with that reason.
 */
public final class MotoServer implements AutoCloseable {

    private static final String PROGRAM = "moto_server";
    private static final String HOW_TO_GET_IT = "pip install 'moto[server]'";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Whether a test class that needs moto_server may run (see {@link ExternalProgram#availability}). */
    public static ConditionEvaluationResult availability() {
        return ExternalProgram.availability(PROGRAM, onPath(PROGRAM).isPresent(), HOW_TO_GET_IT);
    }

    /** Starts moto_server, or skips the test (fails it with -Dit.required=true) when it is not on the PATH. */
    public static MotoServer start() {
        Optional<Path> program = onPath(PROGRAM);
        ExternalProgram.require(PROGRAM, program.isPresent(), HOW_TO_GET_IT);
        try {
            int port = freePort();
            Path log = Path.of("target", "moto_server-" + port + ".log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(program.get().toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            MotoServer moto = new MotoServer(process, port, log);
            moto.awaitPort();
            return moto;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto_server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint override for every AWS client. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Polls the port until it accepts a connection; waits on the process between attempts, never sleeps. */
    private void awaitPort() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("moto_server exited with " + process.exitValue()
                                + "; see " + log);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new IllegalStateException("interrupted while moto_server was starting", e);
                }
            }
        }
        close();
        throw new IllegalStateException("moto_server did not open port " + port + " within " + STARTUP
                + "; see " + log);
    }

    /** Stops moto_server and the processes it started (the Python behind a version manager's shim). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
