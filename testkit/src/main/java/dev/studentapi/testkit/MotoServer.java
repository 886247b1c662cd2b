package dev.studentapi.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private static Path serialScript;

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

    /**
     * Starts moto_server, or skips the test (fails it with -Dit.required=true) when it is not on the PATH. It
     * answers one request at a time when the {@code python3} on the PATH has moto (see
     * {@code serial_moto_server.py}: conditional writes are then atomic, as on DynamoDB), else as moto_server does.
     */
    public static MotoServer start() {
        Optional<Path> program = onPath(PROGRAM);
        ExternalProgram.require(PROGRAM, program.isPresent(), HOW_TO_GET_IT);
        try {
            Optional<Path> python = onPath("python3");
            if (python.isPresent()) {
                Optional<MotoServer> serial = startOrNothing(
                        List.of(python.get().toString(), serialScript().toString()));
                if (serial.isPresent()) {
                    return serial.get();
                }
            }
            return startOrNothing(List.of(program.get().toString())).orElseThrow(() ->
                    new IllegalStateException("moto_server exited at once; see target/moto_server-*.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto_server", e);
        }
    }

    /** Starts {@code command} with host and port; empty when it exits before opening the port. */
    private static Optional<MotoServer> startOrNothing(List<String> command) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "moto_server-" + port + ".log");
        Files.createDirectories(log.getParent());
        List<String> arguments = new ArrayList<>(command);
        if (command.size() == 1) {
            arguments.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        } else {
            arguments.addAll(List.of("127.0.0.1", Integer.toString(port)));
        }
        Process process = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        MotoServer moto = new MotoServer(process, port, log);
        return moto.awaitPort() ? Optional.of(moto) : Optional.empty();
    }

    /** The serial server's script, written once per JVM to a temporary file. */
    private static synchronized Path serialScript() throws IOException {
        if (serialScript == null) {
            Path script = Files.createTempFile("serial_moto_server", ".py");
            script.toFile().deleteOnExit();
            try (InputStream in = MotoServer.class.getResourceAsStream("serial_moto_server.py")) {
                if (in == null) {
                    throw new IOException("serial_moto_server.py is missing from the test kit");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            serialScript = script;
        }
        return serialScript;
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint override for every AWS client. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * Polls the port until it accepts a connection (true), or the process exits (false); waits on the process
     * between attempts, never sleeps.
     */
    private boolean awaitPort() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                        return false;
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
