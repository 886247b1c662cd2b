package dev.studentapi.server.http;

import dev.studentapi.testkit.RawHttp;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no well-behaved client sends, written by hand over a socket: each is a 4xx JSON answer with a code and
 * the CORS headers, changes nothing, and leaves at most one WARN line and no stack trace in the log.
 */
class HostileRequestsHttpTest {

    @TempDir
    Path dataDir;
    private TestServer server;
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, Map.of("PLAN_RATE_LIMIT", "1000", "PLAN_BURST_LIMIT", "1000"));
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void stop() {
        root.detachAppender(lines);
        server.close();
    }

    private int port() {
        return server.server().port();
    }

    /** Asserts a client error in JSON with a code and CORS headers, logged without a trace. */
    private void assertClientError(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(Json.parse(answer.body()).get("code").asText()).isNotBlank();
        assertThat(Json.parse(answer.body()).get("message").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "dev.studentapi", "org.eclipse");
        assertThat(lines.list).noneSatisfy(line -> assertThat(line.getThrowableProxy()).isNotNull());
        assertThat(lines.list).noneSatisfy(line -> assertThat(line.getLevel()).isEqualTo(Level.ERROR));
        assertThat(lines.list.stream().filter(line -> line.getLevel() == Level.WARN)).hasSizeLessThanOrEqualTo(1);
        assertThat(server.get("/prod/students", server.key()).body()).isEqualTo("[]");
    }

    @ParameterizedTest(name = "chunk size [{0}]")
    @ValueSource(strings = {"zz", "-1", "0x2", " 2", "ffffffffffffffffffff", "2;{huge}"})
    void aMalformedChunkedBodyWithAValidKeyIsABadRequest(String size) {
        String chunkSize = size.replace("{huge}", "x".repeat(100_000));
        String request = "POST /prod/students HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://page.test\r\n"
                + "x-api-key: " + server.key() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + chunkSize + "\r\n{}\r\n0\r\n\r\n";

        RawHttp.Answer answer = RawHttp.send(port(), request);

        assertClientError(answer);
        assertThat(answer.status()).isIn(400, 413, 431);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/%u002e", "/prod/%u002e", "/downloads/%u002e", "/prod/students/%u002e",
            "/downloads/student-backup-20250706/%u002e%u002e/x", "/prod/%uD800", "/%u",
            "/prod/students?limit=%u0031", "/prod/students?q=%zz", "/prod/students/SV%2"})
    void aPercentUEscapeInThePathIsABadRequestWithoutAKey(String path) {
        RawHttp.Answer answer = RawHttp.send(port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: http://page.test\r\nConnection: close\r\n\r\n");

        assertClientError(answer);
        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void escapedBytesThatAreNoUtf8AreReplacementCharactersInTheQueryAndABadRequestInThePath() {
        RawHttp.Answer list = RawHttp.send(port(), "GET /prod/students?q=%ff%fe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "x-api-key: " + server.key() + "\r\nConnection: close\r\n\r\n");
        RawHttp.Answer student = RawHttp.send(port(), "GET /prod/students/SV%ff%fe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "x-api-key: " + server.key() + "\r\nConnection: close\r\n\r\n");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[]");
        assertClientError(student);
        assertThat(student.status()).isEqualTo(400);
    }

    @Test
    void aBodyCutShortByTheClientIsNoServerError() {
        String request = "POST /prod/students HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + server.key()
                + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"studentid\":";
        RawHttp.Answer answer = RawHttp.sendThenHalfClose(port(), request);

        assertClientError(answer);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"GARBAGE", "GET", "GET /prod/students HTTP/1.1 extra", "GET /prod/students HTTP/1.9",
            "GET /prod/students HTTP/2.0", "GET /prod/students HTTP/3.0", "GE\u0001T / HTTP/1.1",
            "GET prod/students HTTP/1.1", "GET /prod/ students HTTP/1.1"})
    void aRequestLineTheServerCannotReadIsAnsweredInJsonWithCors(String line) {
        RawHttp.Answer answer = RawHttp.send(port(), line + "\r\nHost: 127.0.0.1\r\nOrigin: http://page.test\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.body()).isIn(400, 404, 426, 505);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(Json.parse(answer.body()).get("code").asText()).isIn("INVALID_JSON", "NOT_FOUND");
        assertThat(lines.list).noneSatisfy(event -> assertThat(event.getThrowableProxy()).isNotNull());
    }

    @Test
    void anUnknownHttpVersionIsNotSupportedInJson() {
        RawHttp.Answer answer = RawHttp.send(port(), "GET /prod/students HTTP/1.9\r\nHost: 127.0.0.1\r\n"
                + "Origin: http://page.test\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(505);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.body()).isEqualTo("{\"message\":\"Invalid data sent.\",\"code\":\"INVALID_JSON\"}");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Transfer-Encoding: gzip, chunked", "Transfer-Encoding: chunked\r\nContent-Length: 2",
            "Content-Length: 2\r\nContent-Length: 3", "Content-Length: -1", "Transfer-Encoding: identity",
            "X-Bad Header: 1", "Host: a\r\nHost: b", "X: \u0000"})
    void aHeaderTheServerCannotReadIsAnsweredInJsonWithCors(String header) {
        String request = "POST /prod/students HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://page.test\r\n"
                + "x-api-key: " + server.key() + "\r\n" + header + "\r\nConnection: close\r\n\r\n{}";
        if (header.startsWith("Host: a")) {
            request = request.replaceFirst("Host: 127.0.0.1\r\n", "");
        }

        RawHttp.Answer answer = RawHttp.send(port(), request);

        assertClientError(answer);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "email | a\\ud800@ex.com", "name | An\\u0000", "name | An\\u0085", "class | C\\u2066NTT",
            "name | \\udc00An", "name | An\\u202Egnaht", "email | a\\u0007@ex.com"})
    void hostileTextIsRefusedNamingItsFieldAndNothingIsStored(String field, String escaped) {
        String body = Json.student("SV001", "An").replaceFirst("\"" + field + "\":\"[^\"]*\"",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\":\"" + escaped + "\""));

        java.net.http.HttpResponse<String> answer = server.post("/prod/students", body, server.key());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Json.parse(answer.body()).get("errors").get(field).get("code").asText())
                .isEqualTo("INVALID_CHARACTERS");
        assertThat(server.get("/prod/students", server.key()).body()).isEqualTo("[]");
    }

    @Test
    void aDecomposedNameIsTheSameNameAsItsComposedForm() {
        String composed = "Nguyễn Thắng";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);

        java.net.http.HttpResponse<String> saved = server.post("/prod/students", Json.student("SV001", decomposed),
                server.key());

        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(server.get("/prod/students/SV001", server.key()).body()).contains("\"name\":\"" + composed + "\"")
                .doesNotContain(decomposed);
    }
}
