package dev.studentapi.server.http;

import dev.studentapi.testkit.RawHttp;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed key attempts are limited per client address (AUTH_FAILURE_LIMIT a minute, on an injected clock): past the
 * limit that address gets 429 with Retry-After, even with a valid key, while another address is never refused.
 */
class KeyAttemptsHttpTest {

    private static final InetAddress HERE = address("127.0.0.1");
    private static final InetAddress OTHER = address("127.0.0.2");

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(Map.of("PLAN_RATE_LIMIT", "1000", "PLAN_BURST_LIMIT", "1000",
                "AUTH_FAILURE_LIMIT", "3"));
        all.putAll(variables);
        server = TestServer.start(dataDir, all, clock);
    }

    private RawHttp.Answer list(InetAddress from, String key, String... headers) {
        StringBuilder request = new StringBuilder("GET /prod/students HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ")
                .append(key).append("\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        return RawHttp.send(from, server.server().port(), request.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anAddressPastTheLimitIsRefusedUntilItsFailuresAgeWhileAnotherKeepsItsAccess() {
        start(Map.of());
        for (int i = 0; i < 3; i++) {
            assertThat(list(OTHER, "wrong-key-" + i).status()).isEqualTo(403);
        }

        RawHttp.Answer refused = list(OTHER, "wrong-key-3");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.header("x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
        assertThat(Json.parse(refused.body()).get("message").asText()).isEqualTo("Too Many Requests");
        assertThat(list(OTHER, server.key()).status()).as("the valid key, from the refused address").isEqualTo(429);
        assertThat(list(HERE, server.key()).status()).as("the valid key, from another address").isEqualTo(200);
        assertThat(list(HERE, "wrong-key-4").status()).as("another address's own first failure").isEqualTo(403);

        clock.advance(Duration.ofSeconds(45));
        assertThat(list(OTHER, server.key()).header("Retry-After")).isEqualTo("15");
        clock.advance(Duration.ofSeconds(15));
        assertThat(list(OTHER, server.key()).status()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutAKeyIsForbiddenButNoAttempt() {
        start(Map.of());
        for (int i = 0; i < 5; i++) {
            RawHttp.Answer answer = RawHttp.send(OTHER, server.server().port(), ("GET /prod/students HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).isEqualTo(403);
        }
        assertThat(list(OTHER, server.key()).status()).isEqualTo(200);
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsCountedAndNoOtherClientOfTheProxy() {
        start(Map.of("TRUSTED_PROXIES", "127.0.0.1"));
        for (int i = 0; i < 3; i++) {
            list(HERE, "wrong-key-" + i, "X-Forwarded-For: 198.51.100.7");
        }

        assertThat(list(HERE, server.key(), "X-Forwarded-For: 198.51.100.7").status()).isEqualTo(429);
        assertThat(list(HERE, server.key(), "X-Forwarded-For: 198.51.100.8").status()).isEqualTo(200);
        assertThat(list(HERE, server.key(), "X-Forwarded-For: 198.51.100.7, 127.0.0.1").status())
                .as("the trusted proxy's own hop is skipped").isEqualTo(429);
    }

    @Test
    void anUntrustedSenderCannotChooseItsAddressWithAForwardedHeader() {
        start(Map.of("TRUSTED_PROXIES", "127.0.0.1"));
        for (int i = 0; i < 3; i++) {
            list(OTHER, "wrong-key-" + i, "X-Forwarded-For: 198.51.100." + i);
        }

        assertThat(list(OTHER, server.key(), "X-Forwarded-For: 198.51.100.9").status()).isEqualTo(429);
        assertThat(list(HERE, server.key()).status()).isEqualTo(200);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
