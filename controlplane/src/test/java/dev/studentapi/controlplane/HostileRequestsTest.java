package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.testkit.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no AWS client sends, on the control-plane port: each gets API Gateway's JSON error shape with a 4xx (or
 * 505), never the web server's HTML page or a 500, and changes nothing.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ControlPlaneFixture fx;

    @BeforeAll
    static void start() {
        fx = new ControlPlaneFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + String.join("", headers)
                + "\r\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "percent-u escape in an operation's path | 400",
            "percent-u escape under the console | 400",
            "bad hex escape | 400",
            "URI too long | 414",
            "header too large | 431",
            "unknown HTTP version | 505",
            "no URI | 400",
            "chunk size that is not hex, before any signature check | 400",
            "chunk size too large | 400",
    })
    void protocolFaultsAnswerApiGatewaysJsonShape(String fault, int status) throws Exception {
        String request = switch (fault) {
            case "percent-u escape in an operation's path" -> get("/apikeys/%u002e");
            case "percent-u escape under the console" -> get("/console/%u002e");
            case "bad hex escape" -> get("/restapis/%zz");
            case "URI too long" -> get("/apikeys/" + "a".repeat(20_000));
            case "header too large" -> get("/apikeys", "X-Big: " + "h".repeat(20_000) + "\r\n");
            case "unknown HTTP version" -> "GET /apikeys HTTP/9.9\r\nHost: a\r\n\r\n";
            case "no URI" -> "GARBAGE\r\n\r\n";
            case "chunk size that is not hex, before any signature check" -> "POST /apikeys HTTP/1.1\r\nHost: a\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case "chunk size too large" -> "POST /apikeys HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n{}\r\n0\r\n\r\n";
            default -> throw new IllegalArgumentException(fault);
        };

        RawHttp.Answer answer = RawHttp.sendThenHalfClose(fx.server.port(), request);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("BadRequestException");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("message");
        assertThat(body.get("message").asText()).doesNotContain("Exception", "URLDecoder", "java.", "\tat ");
    }

    @Test
    void aBrokenBodyCreatesNoKey() {
        RawHttp.sendThenHalfClose(fx.server.port(), "POST /apikeys HTTP/1.1\r\nHost: a\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n{\"name\":\"x\"}\r\n");

        assertThat(fx.keys.list()).isEmpty();
    }
}
