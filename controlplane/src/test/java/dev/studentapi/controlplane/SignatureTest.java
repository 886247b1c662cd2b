package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The control plane lets through only requests signed (SigV4, service apigateway) with its credentials, in time. */
class SignatureTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String CREATE_KEY = "{\"name\":\"signed\",\"enabled\":true}";

    private ControlPlaneFixture fx;
    private SigningClient client;

    @BeforeEach
    void start() {
        fx = new ControlPlaneFixture(new MutableClock(NOW));
        client = new SigningClient(fx.endpoint());
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private SigningClient.Signed signed(String method, String pathAndQuery, String body) {
        return client.sign(method, pathAndQuery, body, ControlPlaneFixture.CREDENTIALS, "apigateway", at(NOW));
    }

    private static void assertRefused(HttpResponse<String> response, String errorType, String messageStart)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.path("message").asText()).startsWith(messageStart);
    }

    @Nested
    class Accepted {
        @Test
        void aRequestSignedByTheSdkSignerWithAQuery() {
            HttpResponse<String> response = client.send(signed("GET", "/apikeys?name=a%20b&limit=5&includeValues=true", ""));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"item\":[]}");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        }

        @Test
        void aSignedBodyAndAnyRegion() {
            HttpResponse<String> response = client.send(signed("POST", "/apikeys", CREATE_KEY));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(fx.keys.list()).hasSize(1);
        }

        @Test
        void aRequestSignedLikeTheCliWithoutAPayloadHashHeader() {
            var cli = client.signLikeTheCli("POST", "/apikeys", CREATE_KEY, ControlPlaneFixture.CREDENTIALS, NOW);

            assertThat(client.send(cli).statusCode()).isEqualTo(201);
        }

        @Test
        void anEncodedPathSegment() {
            HttpResponse<String> response = client.send(signed("GET", "/apikeys/a%20b%2Fc", ""));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("NotFoundException");
        }

        @Test
        void aDateFourteenMinutesOff() {
            var early = client.sign("GET", "/apikeys", "", ControlPlaneFixture.CREDENTIALS, "apigateway",
                    at(NOW.minus(Duration.ofMinutes(14))));
            var late = client.sign("GET", "/apikeys", "", ControlPlaneFixture.CREDENTIALS, "apigateway",
                    at(NOW.plus(Duration.ofMinutes(14))));

            assertThat(client.send(early).statusCode()).isEqualTo(200);
            assertThat(client.send(late).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Refused {
        @Test
        void unsignedRequests() throws Exception {
            var unsigned = signed("GET", "/apikeys", "").withHeader("Authorization", null);

            assertRefused(client.send(unsigned), "MissingAuthenticationTokenException", "Missing Authentication Token");
            assertRefused(client.send(unsigned.withPathAndQuery("/no/such/path")),
                    "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        @Test
        void aWrongSecret() throws Exception {
            var wrong = client.sign("GET", "/apikeys", "", new AdminCredentials(
                    ControlPlaneFixture.CREDENTIALS.accessKeyId(), "not-the-secret"), "apigateway", at(NOW));

            assertRefused(client.send(wrong), "InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided.");
        }

        @Test
        void anAlteredBodyOrQuery() throws Exception {
            var cli = client.signLikeTheCli("POST", "/apikeys", CREATE_KEY, ControlPlaneFixture.CREDENTIALS, NOW);
            var sdk = signed("POST", "/apikeys", CREATE_KEY);
            String forged = CREATE_KEY.replace("signed", "forged");

            assertRefused(client.send(cli.withBody(forged)),
                    "InvalidSignatureException", "The request signature we calculated does not match");
            assertRefused(client.send(sdk.withBody(forged)),
                    "InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match");
            assertRefused(client.send(signed("GET", "/apikeys?limit=5", "").withPathAndQuery("/apikeys?limit=6")),
                    "InvalidSignatureException", "The request signature we calculated does not match");
            assertThat(fx.keys.list()).isEmpty();
        }

        @Test
        void aBodyThatDoesNotMatchItsDeclaredHash() throws Exception {
            var declared = signed("POST", "/apikeys", CREATE_KEY)
                    .withHeader("x-amz-content-sha256", "0".repeat(64));

            assertRefused(client.send(declared), "InvalidSignatureException", "The provided 'x-amz-content-sha256'");
        }

        @Test
        void aStaleOrFutureDate() throws Exception {
            var stale = client.sign("GET", "/apikeys", "", ControlPlaneFixture.CREDENTIALS, "apigateway",
                    at(NOW.minus(Duration.ofMinutes(16))));
            var future = client.sign("GET", "/apikeys", "", ControlPlaneFixture.CREDENTIALS, "apigateway",
                    at(NOW.plus(Duration.ofMinutes(16))));

            assertRefused(client.send(stale), "InvalidSignatureException",
                    "Signature expired: 20260301T094400Z is now earlier than 20260301T094500Z (20260301T100000Z - 15 min.)");
            assertRefused(client.send(future), "InvalidSignatureException", "Signature not yet current");
        }

        @Test
        void anUnknownAccessKey() throws Exception {
            var stranger = client.sign("GET", "/apikeys", "", new AdminCredentials("AKIASTRANGER0000000",
                    ControlPlaneFixture.CREDENTIALS.secretAccessKey()), "apigateway", at(NOW));

            assertRefused(client.send(stranger), "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }

        @Test
        void aSignatureForAnotherService() throws Exception {
            var otherService = client.sign("GET", "/apikeys", "", ControlPlaneFixture.CREDENTIALS, "execute-api",
                    at(NOW));

            assertRefused(client.send(otherService), "InvalidSignatureException",
                    "Credential should be scoped to correct service: 'apigateway'.");
        }

        @Test
        void anIncompleteAuthorizationHeader() throws Exception {
            var original = signed("GET", "/apikeys", "");
            String authorization = original.headers().get("Authorization");
            var truncated = original.withHeader("Authorization", authorization.substring(0, authorization.indexOf(", Signature=")));

            assertRefused(client.send(truncated), "IncompleteSignatureException",
                    "Authorization header requires 'Signature' parameter.");
            assertRefused(client.send(original.withHeader("X-Amz-Date", null)), "IncompleteSignatureException",
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
    }
}
