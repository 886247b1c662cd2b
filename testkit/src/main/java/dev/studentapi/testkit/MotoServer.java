package dev.studentapi.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code moto_server} (AWS-protocol server for DynamoDB, S3, SES, API Gateway) on a free loopback port,
 * started for a test and stopped with it. {@link #start()} skips the test when moto_server is missing, or
 * fails it under {@code -Dit.required=true}.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return executable() != null;
    }

    private static Path executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static MotoServer start() {
        ExternalProgram.require("moto_server", installed(), "pip install 'moto[server]'");
        try {
            int port = freePort();
            Process process = new ProcessBuilder(executable().toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!answers(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("moto_server did not start on port " + port);
                }
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            return new MotoServer(process, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint override for every AWS client. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
