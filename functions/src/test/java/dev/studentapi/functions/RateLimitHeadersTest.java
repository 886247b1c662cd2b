package dev.studentapi.functions;

import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.RateLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The IETF RateLimit-Policy and RateLimit headers, written from the limits an admission carries. */
class RateLimitHeadersTest {

    private static final RateLimit THROTTLE = new RateLimit("throttle", 10, Duration.ofSeconds(2), 9,
            Duration.ofMillis(200));
    private static final RateLimit QUOTA = new RateLimit("quota", 1000, Duration.ofDays(1), 999,
            Duration.ofHours(14).plusMillis(1));

    @Test
    void anAdmittedRequestListsEachPolicyAndWhatRemainsOfIt() {
        Map<String, String> headers = DataPlaneReplies.rateLimitHeaders(
                new Admission.Admitted("k1", "p1", List.of(THROTTLE, QUOTA)));

        assertThat(headers).containsExactly(
                Map.entry("RateLimit-Policy", "\"throttle\";q=10;w=2, \"quota\";q=1000;w=86400"),
                Map.entry("RateLimit", "\"throttle\";r=9;t=1, \"quota\";r=999;t=50401"));
    }

    @Test
    void aBucketRefillingWithinASecondHasAWindowOfOneSecondAndAFullBucketNoWait() {
        Map<String, String> headers = DataPlaneReplies.rateLimitHeaders(new Admission.Admitted("k1", "p1",
                List.of(new RateLimit("stage", 5000, Duration.ofMillis(500), 5000, Duration.ZERO))));

        assertThat(headers).containsEntry("RateLimit-Policy", "\"stage\";q=5000;w=1")
                .containsEntry("RateLimit", "\"stage\";r=5000;t=0");
    }

    @Test
    void noLimitsNoHeaders() {
        assertThat(DataPlaneReplies.rateLimitHeaders(new Admission.Admitted("k1", "p1"))).isEmpty();
        assertThat(DataPlaneReplies.rateLimitHeaders(new Admission.Forbidden())).isEmpty();
    }

    @Test
    void aThrottledRefusalCarriesTheHeadersWithTheRefusingPolicysResetAsItsRetryAfter() {
        RateLimit empty = new RateLimit("method", 2, Duration.ofSeconds(2), 0, Duration.ofSeconds(1));

        ApiResponse response = DataPlaneReplies.refusal(
                new Admission.Throttled("k1", Duration.ofSeconds(1), List.of(THROTTLE, empty)));

        assertThat(response.headers()).containsExactly(
                Map.entry("x-amzn-ErrorType", "TooManyRequestsException"),
                Map.entry("Retry-After", "1"),
                Map.entry("RateLimit-Policy", "\"throttle\";q=10;w=2, \"method\";q=2;w=2"),
                Map.entry("RateLimit", "\"throttle\";r=9;t=1, \"method\";r=0;t=1"));
    }

    @Test
    void aQuotaRefusalCarriesTheHeadersWithTheWindowsEndAsItsRetryAfter() {
        RateLimit spent = new RateLimit("quota", 3, Duration.ofDays(1), 0, Duration.ofHours(14));

        ApiResponse response = DataPlaneReplies.refusal(
                new Admission.QuotaExceeded("k1", Duration.ofHours(14), List.of(THROTTLE, spent)));

        assertThat(response.headers()).containsEntry("Retry-After", "50400")
                .containsEntry("RateLimit", "\"throttle\";r=9;t=1, \"quota\";r=0;t=50400");
    }
}
