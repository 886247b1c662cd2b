package dev.studentapi.functions;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.text.Language;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataPlaneRepliesTest {

    private final DataPlaneReplies replies = new DataPlaneReplies(Language.EN);

    @Nested
    class GatewayRefusals {

        @Test
        void aForbiddenRequestGetsApiGatewaysExactBody() {
            ApiResponse response = DataPlaneReplies.refusal(new Admission.Forbidden());

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.headers()).containsExactly(Map.entry("x-amzn-ErrorType", "ForbiddenException"));
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Forbidden\"}");
        }

        @Test
        void aThrottledRequestIsTooManyRequestsWithRetryAfter() {
            ApiResponse response = DataPlaneReplies.refusal(new Admission.Throttled("k1", Duration.ofMillis(200)));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.headers()).containsExactly(Map.entry("x-amzn-ErrorType", "TooManyRequestsException"),
                    Map.entry("Retry-After", "1"));
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        }

        @Test
        void aSpentQuotaIsLimitExceededWithRetryAfter() {
            ApiResponse response = DataPlaneReplies.refusal(new Admission.QuotaExceeded("k1", Duration.ofHours(3)));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.headers()).containsExactly(Map.entry("x-amzn-ErrorType", "LimitExceededException"),
                    Map.entry("Retry-After", "10800"));
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
        }

        @ParameterizedTest
        @CsvSource({"0, 1", "1, 1", "999, 1", "1000, 1", "1001, 2", "2500, 3", "60000, 60"})
        void retryAfterIsTheWaitRoundedUpToWholeSecondsAndAtLeastOne(long millis, String seconds) {
            ApiResponse response = DataPlaneReplies.refusal(new Admission.Throttled("k1", Duration.ofMillis(millis)));

            assertThat(response.headers()).containsEntry("Retry-After", seconds);
        }

        @Test
        void aNanosecondPastASecondCountsAsTheNextSecond() {
            ApiResponse response = DataPlaneReplies.refusal(
                    new Admission.Throttled("k1", Duration.ofSeconds(1).plusNanos(1)));

            assertThat(response.headers()).containsEntry("Retry-After", "2");
        }

        @Test
        void anAdmittedRequestIsNoRefusal() {
            assertThatThrownBy(() -> DataPlaneReplies.refusal(new Admission.Admitted("k1", "p1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ProtocolErrors {

        @Test
        void anUnknownPathIsNotFound() {
            ApiResponse response = replies.notFound();

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headers()).isEmpty();
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Not Found\",\"code\":\"NOT_FOUND\"}");
        }

        @Test
        void aWrongMethodNamesTheAllowedOnesSortedWithOptionsLast() {
            ApiResponse response = replies.methodNotAllowed(List.of("POST", "OPTIONS", "get"));

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.headers()).containsExactly(Map.entry("Allow", "GET,POST,OPTIONS"));
            assertThat(response.bodyText())
                    .isEqualTo("{\"message\":\"Method Not Allowed\",\"code\":\"METHOD_NOT_ALLOWED\"}");
        }

        @Test
        void optionsIsAlwaysAllowed() {
            assertThat(replies.methodNotAllowed(List.of("POST")).headers()).containsEntry("Allow", "POST,OPTIONS");
        }

        @Test
        void anOversizedBodyIsPayloadTooLarge() {
            ApiResponse response = replies.payloadTooLarge();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.bodyText())
                    .isEqualTo("{\"message\":\"Request Entity Too Large\",\"code\":\"PAYLOAD_TOO_LARGE\"}");
        }

        @Test
        void anExpiredLinkIsAccessDenied() {
            ApiResponse response = replies.linkExpired();

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.headers()).containsExactly(Map.entry("x-amzn-ErrorType", "AccessDenied"));
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Request has expired\",\"code\":\"LINK_EXPIRED\"}");
        }

        @Test
        void aTamperedLinkIsAccessDenied() {
            ApiResponse response = replies.signatureMismatch();

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.headers()).containsExactly(Map.entry("x-amzn-ErrorType", "AccessDenied"));
            assertThat(response.bodyText())
                    .isEqualTo("{\"message\":\"Signature does not match\",\"code\":\"SIGNATURE_MISMATCH\"}");
        }
    }

    @Nested
    class Failures {

        @Test
        void anEngineFailureIsServiceUnavailableWithItsReason() {
            ApiResponse response = replies.failure(new StoreException("DynamoDB is unreachable"));

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.headers())
                    .containsExactly(Map.entry("x-amzn-ErrorType", "ServiceUnavailableException"));
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Service Unavailable: DynamoDB is unreachable\","
                    + "\"code\":\"SERVICE_UNAVAILABLE\"}");
        }

        @Test
        void anyOtherFailureIsAnInternalErrorThatTellsNothingOfItsCause() {
            ApiResponse response = replies.failure(new IllegalStateException("secret detail at line 42"));

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.headers()).isEmpty();
            assertThat(response.bodyText())
                    .isEqualTo("{\"message\":\"Internal server error\",\"code\":\"INTERNAL_ERROR\"}");
        }
    }

    @Test
    void studentErrorsAreInTheDeploymentsLanguage() {
        DataPlaneReplies vietnamese = new DataPlaneReplies(Language.VI);

        assertThat(vietnamese.invalidJson().bodyText())
                .isEqualTo("{\"message\":\"Dữ liệu gửi lên không hợp lệ.\",\"code\":\"INVALID_JSON\"}");
        assertThat(vietnamese.duplicateStudentId("SV001").bodyText())
                .isEqualTo("{\"message\":\"Mã sinh viên 'SV001' đã tồn tại.\",\"code\":\"DUPLICATE_STUDENT_ID\"}");
    }

    @Test
    void theHeadersOfAResponseCannotBeChangedAfterwards() {
        ApiResponse response = replies.methodNotAllowed(List.of("GET"));

        assertThatThrownBy(() -> response.headers().put("Allow", "DELETE"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
