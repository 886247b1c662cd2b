package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.core.StoreException;
import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.text.Language;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.StreamedResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyExchangeTest {

    private final CorsPolicy cors = new CorsPolicy(List.of("*"));
    private final DataPlaneReplies replies = new DataPlaneReplies(Language.EN);
    private final RecordingContext context = new RecordingContext();

    private static APIGatewayProxyRequestEvent post(String body) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/students").withBody(body)
                .withHeaders(Map.of("origin", "https://page.test"));
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event,
                                                Function<byte[], ApiResponse> function) {
        return ProxyExchange.handle(event, context, cors, replies, function);
    }

    @Test
    void passesTheBodyAndRendersStatusTypeCorsAndBody() {
        APIGatewayProxyResponseEvent response = handle(post("{\"a\":1}"),
                body -> new ApiResponse(201, ("{\"got\":" + new String(body, StandardCharsets.UTF_8) + "}")
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo("{\"got\":{\"a\":1}}");
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getHeaders()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("Access-Control-Allow-Origin", "*"),
                Map.entry("Access-Control-Expose-Headers", CorsPolicy.EXPOSE_HEADERS));
    }

    @Test
    void decodesABase64Body() {
        APIGatewayProxyRequestEvent event = post(Base64.getEncoder().encodeToString("héllo".getBytes(
                StandardCharsets.UTF_8))).withIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = handle(event,
                body -> new ApiResponse(200, ("\"" + new String(body, StandardCharsets.UTF_8) + "\"")
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getBody()).isEqualTo("\"héllo\"");
    }

    @Test
    void rendersTheHeadersOfTheResponseBesideCors() {
        APIGatewayProxyResponseEvent response = handle(post(""),
                body -> DataPlaneReplies.refusal(new Admission.Throttled("k1", java.time.Duration.ofMillis(1500))));

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("x-amzn-ErrorType", "TooManyRequestsException")
                .containsEntry("Retry-After", "2").containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(response.getBody()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    @Test
    void rendersAllowOfAMethodNotAllowed() {
        APIGatewayProxyResponseEvent response = handle(post(""), body -> replies.methodNotAllowed(List.of("GET")));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET,OPTIONS");
        assertThat(response.getBody()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
    }

    @Test
    void answersAPreflightWithoutCallingTheFunction() {
        APIGatewayProxyResponseEvent response = handle(new APIGatewayProxyRequestEvent().withHttpMethod("OPTIONS"),
                body -> {
                    throw new AssertionError("a preflight calls no function");
                });

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Methods", "GET,POST,OPTIONS");
    }

    @Nested
    class Failures {

        @Test
        void anEngineFailureIsServiceUnavailableWithItsCodeAndCors() {
            APIGatewayProxyResponseEvent response = handle(post(""), body -> {
                throw new StoreException("DynamoDB: cannot list student ids");
            });

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Service Unavailable: DynamoDB: cannot list "
                    + "student ids\",\"code\":\"SERVICE_UNAVAILABLE\"}");
            assertThat(response.getHeaders()).containsEntry("x-amzn-ErrorType", "ServiceUnavailableException")
                    .containsEntry("Access-Control-Allow-Origin", "*")
                    .containsEntry("Content-Type", "application/json");
        }

        @Test
        void anyOtherFailureIsAnInternalErrorThatShowsNoDetailButIsLogged() {
            APIGatewayProxyResponseEvent response = handle(post(""), body -> {
                throw new IllegalStateException("secret detail");
            });

            assertThat(response.getStatusCode()).isEqualTo(500);
            assertThat(response.getBody())
                    .isEqualTo("{\"message\":\"Internal server error\",\"code\":\"INTERNAL_ERROR\"}");
            assertThat(context.logged).containsExactly("Request failed: java.lang.IllegalStateException: secret detail");
        }

        @Test
        void aFailureWithoutAContextIsStillAnswered() {
            APIGatewayProxyResponseEvent response = ProxyExchange.handle(post(""), null, cors, replies, body -> {
                throw new IllegalStateException("no context");
            });

            assertThat(response.getStatusCode()).isEqualTo(500);
        }
    }

    @Nested
    class WholeRequests {

        private final ProxyExchange.Exchange exchange = new ProxyExchange.Exchange(cors, replies, Language.EN);

        private APIGatewayProxyResponseEvent handle(ProxyExchange.Call call) {
            return ProxyExchange.handle(post("").withQueryStringParameters(Map.of("format", "csv")), context,
                    exchange, "GET,OPTIONS", call);
        }

        private StreamedResponse csvOf(long bytes) {
            return new StreamedResponse(200, Map.of(), "text/csv; charset=utf-8", out -> {
                byte[] line = "SV0000001,Student,CNTT1,2003-01-02,s@example.edu.vn\r\n"
                        .getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < bytes; written += line.length) {
                    out.write(line);
                }
            });
        }

        @Test
        void rendersAStreamedBodyWithItsOwnType() {
            APIGatewayProxyResponseEvent response = handle(request -> csvOf(1));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("Content-Type", "text/csv; charset=utf-8")
                    .containsEntry("Access-Control-Allow-Origin", "*");
            assertThat(response.getBody()).isEqualTo("SV0000001,Student,CNTT1,2003-01-02,s@example.edu.vn\r\n");
        }

        @Test
        void aBodyThatWouldNotFitLambdasResponseIsRefusedWithItsCode() {
            APIGatewayProxyResponseEvent fits = handle(request -> csvOf(5_000_000));
            APIGatewayProxyResponseEvent tooLarge = handle(request -> csvOf(6_000_000));

            assertThat(fits.getStatusCode()).isEqualTo(200);
            assertThat(tooLarge.getStatusCode()).isEqualTo(400);
            assertThat(tooLarge.getHeaders()).containsEntry("Content-Type", "application/json");
            assertThat(tooLarge.getBody()).isEqualTo("{\"message\":\"The answer exceeds the 6 MB a function may "
                    + "return; ask for pages (limit, cursor) or filter.\",\"code\":\"RESPONSE_TOO_LARGE\"}");
        }

        @Test
        void aBodyThatFailsWhileItIsWrittenIsAnsweredAsAFailure() {
            APIGatewayProxyResponseEvent response = handle(request -> new StreamedResponse(200, Map.of(), "text/csv",
                    out -> {
                        out.write('x');
                        throw new StoreException("DynamoDB: cannot read students");
                    }));

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getBody()).contains("\"code\":\"SERVICE_UNAVAILABLE\"").doesNotContain("x\"");
        }

        @Test
        void answersAPreflightWithTheMethodsOfItsPath() {
            APIGatewayProxyResponseEvent response = ProxyExchange.handle(
                    new APIGatewayProxyRequestEvent().withHttpMethod("OPTIONS"), context, exchange, "GET,OPTIONS",
                    request -> {
                        throw new AssertionError("a preflight calls no function");
                    });

            assertThat(response.getStatusCode()).isEqualTo(204);
            assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Methods", "GET,OPTIONS");
        }
    }
}
