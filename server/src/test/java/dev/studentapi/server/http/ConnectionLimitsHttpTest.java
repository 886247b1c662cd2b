package dev.studentapi.server.http;

import dev.studentapi.testkit.RawHttp;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and greedy clients: stalled connections (headers never finished) do not slow valid requests, are closed
 * after HEADER_TIMEOUT (on a connection's first request and on each later one it keeps alive), and past MAX_CONNECTIONS a new connection gets 503 in JSON instead of waiting.
 */
class ConnectionLimitsHttpTest {

    @TempDir
    Path dataDir;
    private TestServer server;
    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : stalled) {
            socket.close();
        }
        server.close();
    }

    private void start(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(Map.of("PLAN_RATE_LIMIT", "100000", "PLAN_BURST_LIMIT", "100000",
                "PLAN_QUOTA_LIMIT", "1000000"));
        all.putAll(variables);
        server = TestServer.start(dataDir, all);
    }

    /** A connection that sends the start of a request's headers and then nothing. */
    private Socket stall() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server().port());
        socket.getOutputStream().write("GET /prod/students HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: "
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        stalled.add(socket);
        return socket;
    }

    @Test
    void fiveHundredStalledConnectionsLeaveValidRequestsFast() throws Exception {
        start(Map.of());
        for (int i = 0; i < 500; i++) {
            stall();
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest list = HttpRequest.newBuilder(server.url("/prod/students")).header("x-api-key", server.key())
                .build();
        for (int i = 0; i < 100; i++) {
            assertThat(client.send(list, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }

        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            assertThat(client.send(list, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        assertThat(nanos[(int) (nanos.length * 0.99)] / 1_000_000.0).as("p99 in ms").isLessThan(100.0);
    }

    @Test
    void aboveMaxConnectionsANewConnectionIsServiceUnavailableInJson() throws Exception {
        start(Map.of("MAX_CONNECTIONS", "20"));
        for (int i = 0; i < 20; i++) {
            stall();
        }

        RawHttp.Answer answer = RawHttp.send(server.server().port(), "GET /prod/students HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nx-api-key: " + server.key() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(Json.parse(answer.body()).get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");

        stalled.remove(0).close();
        assertThat(waitForAnswer()).as("a place freed is taken at once").isEqualTo(200);
    }

    /** Retries while the server has not yet seen the freed connection close (it is counted when closed). */
    private int waitForAnswer() {
        for (int attempt = 0; attempt < 200; attempt++) {
            RawHttp.Answer answer = RawHttp.send(server.server().port(), "GET /prod/students HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nx-api-key: " + server.key() + "\r\nConnection: close\r\n\r\n");
            if (answer.status() != 503) {
                return answer.status();
            }
        }
        return 503;
    }

    @Test
    void aConnectionThatDoesNotFinishItsHeadersIsClosedAfterTheHeaderTimeout() throws Exception {
        start(Map.of("HEADER_TIMEOUT", "1"));
        Socket socket = stall();
        socket.setSoTimeout(10_000);
        long start = System.nanoTime();

        int read = readToEnd(socket.getInputStream());

        assertThat(read).as("the server closed without answering").isEqualTo(-1);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until closed").isBetween(500L, 5_000L);
    }

    @Test
    void aKeepAliveConnectionWhoseNextRequestStallsInItsHeadersIsClosedAfterTheHeaderTimeout() throws Exception {
        start(Map.of("HEADER_TIMEOUT", "1"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = readAnswer(in);
            assertThat(first).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"ok\"}");

            out.write("GET /prod/students HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: "
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();

            assertThat(readToEnd(in)).as("the server closed without answering the second request").isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms until closed").isBetween(500L, 5_000L);
        }
    }

    /** Reads one answer whose body is short and has a Content-Length (the connection stays open). */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int readToEnd(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
