package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed requests that cannot be served get API Gateway's error shape: status, x-amzn-ErrorType, {"message"}. */
class ErrorResponsesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET    | /no/such/path                  |                               | 404 | NotFoundException",
            "PUT    | /apikeys                       |                               | 404 | NotFoundException",
            "POST   | /apikeys                       | {not json                     | 400 | BadRequestException",
            "POST   | /apikeys                       | {\"name\":{\"nested\":1}}     | 400 | BadRequestException",
            "POST   | /apikeys                       | {\"name\":\"  \"}             | 400 | BadRequestException",
            "PATCH  | /apikeys/nosuchkey0            | {\"patchOperations\":[]}      | 404 | NotFoundException",
            "POST   | /usageplans                    | {\"name\":\"p\",\"throttle\":{\"rateLimit\":5}} | 400 | BadRequestException",
            "POST   | /usageplans                    | {\"name\":\"p\",\"quota\":{\"limit\":5,\"period\":\"YEAR\"}} | 400 | BadRequestException",
            "GET    | /apikeys?limit=0               |                               | 400 | BadRequestException",
            "GET    | /apikeys?position=x            |                               | 400 | BadRequestException",
            "POST   | /apikeys?mode=import&format=json | x                           | 400 | BadRequestException",
            "GET    | /usageplans/nosuchplan/usage?startDate=2026-03-01&endDate=2026-03-01 | | 404 | NotFoundException",
            "GET    | /restapis/other                |                               | 404 | NotFoundException",
    })
    void answersWithTheApiGatewayErrorShape(String method, String path, String body, int status, String errorType)
            throws Exception {
        HttpResponse<String> response = client.send(client.sign(method, path, body == null ? "" : body,
                ControlPlaneFixture.CREDENTIALS, "apigateway", Clock.fixed(NOW, ZoneOffset.UTC)));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(new ObjectMapper().readTree(response.body()).path("message").isTextual()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "POST  | /usageplans | {\"name\":\"p\",\"throttle\":{\"rateLimit\":5}} | 400 | BadRequestException"
                    + " | THROTTLE_INCOMPLETE | A throttle needs both rateLimit and burstLimit.",
            "POST  | /usageplans | {\"name\":\"p\",\"throttle\":{\"burstLimit\":5}} | 400 | BadRequestException"
                    + " | THROTTLE_INCOMPLETE | A throttle needs both rateLimit and burstLimit.",
            "POST  | /usageplans | {\"name\":\"p\",\"apiStages\":[{\"apiId\":\"student\",\"stage\":\"dev\"}]}"
                    + " | 404 | NotFoundException | STAGE_NOT_SERVED | Invalid stage identifier specified",
            "POST  | /usageplans | {\"name\":\"p\",\"apiStages\":[{\"apiId\":\"other\",\"stage\":\"prod\"}]}"
                    + " | 404 | NotFoundException | API_NOT_FOUND | Invalid API identifier specified 123456789012:other",
            "POST  | /usageplans | {\"name\":\"p\",\"quota\":{\"limit\":5,\"period\":\"WEEK\",\"offset\":7}}"
                    + " | 400 | BadRequestException | QUOTA_OFFSET_OUT_OF_RANGE | quota offset for WEEK must be between 0 and 6",
            "POST  | /usageplans | {\"name\":\"p\",\"quota\":{\"limit\":5,\"period\":\"YEAR\"}} | 400"
                    + " | BadRequestException | QUOTA_PERIOD_INVALID | Invalid quota period 'YEAR': expected DAY, WEEK or MONTH.",
            "POST  | /usageplans | {\"name\":\" \"} | 400 | BadRequestException | PLAN_NAME_REQUIRED"
                    + " | Usage plan name must not be blank.",
            "POST  | /apikeys    | {\"name\":\"k\",\"value\":\"short\"} | 400 | BadRequestException"
                    + " | KEY_VALUE_TOO_SHORT | API Key value should be at least 20 characters",
            "GET   | /usageplans/nosuchplan | | 404 | NotFoundException | USAGE_PLAN_NOT_FOUND"
                    + " | Invalid Usage Plan ID specified",
            "GET   | /restapis/student/stages/dev | | 404 | NotFoundException | STAGE_NOT_SERVED"
                    + " | Invalid stage identifier specified",
    })
    void refusalsOfTheCoreKeepApiGatewaysBodyAndNameTheirCodeInAHeader(String method, String path, String body,
            int status, String errorType, String code, String message) throws Exception {
        HttpResponse<String> response = client.send(client.sign(method, path, body == null ? "" : body,
                ControlPlaneFixture.CREDENTIALS, "apigateway", Clock.fixed(NOW, ZoneOffset.UTC)));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
        assertThat(response.headers().firstValue(AwsErrors.CODE_HEADER)).hasValue(code);
        assertThat(response.body()).isEqualTo(JsonCodec.write(new Representations.ErrorJson(message)));
        assertThat(fx.plans.list()).isEmpty();
    }
}
