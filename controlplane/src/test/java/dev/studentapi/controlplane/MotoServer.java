package dev.studentapi.controlplane;

import dev.studentapi.testkit.ExternalProgram;

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

/** A {@code moto_server} process on a free loopback port, started for a test class and stopped after it. */
final class MotoServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts moto_server, or skips the test (fails it with -Dit.required=true) when it is not on the PATH. */
    static MotoServer start() {
        Optional<Path> program = onPath("moto_server");
        ExternalProgram.require("moto_server", program.isPresent(), "pip install 'moto[server]'");
        try {
            int port = freePort();
            File log = Path.of("target", "moto_server.log").toFile();
            Process process = new ProcessBuilder(program.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log))
                    .start();
            MotoServer moto = new MotoServer(process, port);
            moto.awaitPort();
            return moto;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto_server", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
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
                                + "; see target/moto_server.log");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("moto_server did not open port " + port + " within " + STARTUP);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
