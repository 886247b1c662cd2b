package dev.studentapi.server;

import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanDraft;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** API keys, throttle, quota, CORS and size limits over real HTTP, as SPEC §4 describes them. */
class GatewayHttpTest {

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");

    private static void assertGatewayError(HttpResponse<String> response, int status, String type, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(response.body()).as("API Gateway's body, with no code").isEqualTo("{\"message\":\"" + message + "\"}");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
    }

    @Nested
    class Forbidden {
        @Test
        void withoutAKey() {
            try (TestServer server = TestServer.start(dataDir, Map.of())) {
                assertGatewayError(server.get("/prod/students", null), 403, "ForbiddenException", "Forbidden");
                assertGatewayError(server.post("/prod/backup", null, null), 403, "ForbiddenException", "Forbidden");
            }
        }

        @Test
        void withAnUnknownKey() {
            try (TestServer server = TestServer.start(dataDir, Map.of())) {
                assertGatewayError(server.get("/prod/students", "x".repeat(40)), 403, "ForbiddenException",
                        "Forbidden");
            }
        }

        @Test
        void withADisabledKeyAtOnce() {
            try (TestServer server = TestServer.start(dataDir, Map.of())) {
                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
                var components = server.server().components();
                String id = components.keys.list().get(0).id();
                components.keys.setEnabled(id, false);
                assertGatewayError(server.get("/prod/students", server.key()), 403, "ForbiddenException", "Forbidden");
            }
        }

        @Test
        void withAKeyOnNoPlanOfThisStage() {
            try (TestServer server = TestServer.start(dataDir, Map.of())) {
                var components = server.server().components();
                IssuedApiKey unbound = components.keys.create("unbound", "", true, Optional.empty());
                assertGatewayError(server.get("/prod/students", unbound.value()), 403, "ForbiddenException",
                        "Forbidden");
                UsagePlan devPlan = components.plans.create(new UsagePlanDraft("dev", "", null, null, List.of()));
                components.plans.bind(devPlan.id(), unbound.key().id());
                assertGatewayError(server.get("/prod/students", unbound.value()), 403, "ForbiddenException",
                        "Forbidden");
            }
        }

        @Test
        void headerNameIsCaseInsensitive() {
            try (TestServer server = TestServer.start(dataDir, Map.of())) {
                HttpResponse<String> response = server.send("GET", "/prod/students", null, null,
                        "X-API-KEY", server.key());
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void throttlesAfterTheBurstUntilTokensRefill() {
        try (TestServer server = TestServer.start(dataDir,
                Map.of("PLAN_RATE_LIMIT", "1", "PLAN_BURST_LIMIT", "3"), clock)) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> throttled = server.get("/prod/students", server.key());
            assertGatewayError(throttled, 429, "TooManyRequestsException", "Too Many Requests");
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
            assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void enforcesTheQuotaAcrossARestartAndResetsItAtMidnightUtc() {
        String key;
        try (TestServer server = TestServer.start(dataDir, Map.of("PLAN_QUOTA_LIMIT", "3"), clock)) {
            key = server.key();
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/prod/students", key).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> exceeded = server.get("/prod/students", key);
            assertGatewayError(exceeded, 429, "LimitExceededException", "Limit Exceeded");
            assertThat(exceeded.headers().firstValue("Retry-After")).hasValue(Long.toString(14 * 3600));
        }
        try (TestServer restarted = TestServer.start(dataDir, Map.of("PLAN_QUOTA_LIMIT", "3"), clock)) {
            assertThat(restarted.key()).as("a later start creates no key").isNull();
            assertGatewayError(restarted.get("/prod/students", key), 429, "LimitExceededException", "Limit Exceeded");
            clock.set(java.time.Instant.parse("2026-11-28T00:00:00Z"));
            assertThat(restarted.get("/prod/students", key).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusedRequestsAreNotChargedToTheQuota() {
        try (TestServer server = TestServer.start(dataDir,
                Map.of("PLAN_QUOTA_LIMIT", "2", "PLAN_RATE_LIMIT", "1", "PLAN_BURST_LIMIT", "1"), clock)) {
            assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
            assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(429);
            assertThat(server.get("/prod/nothing", server.key()).statusCode()).isEqualTo(404);
            assertThat(server.send("DELETE", "/prod/students", null, server.key()).statusCode()).isEqualTo(405);
            assertThat(server.send("OPTIONS", "/prod/students", null, server.key()).statusCode()).isEqualTo(204);
            clock.advance(Duration.ofSeconds(1));
            assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
            assertGatewayError(server.get("/prod/students", server.key()), 429, "TooManyRequestsException",
                    "Too Many Requests");
            clock.advance(Duration.ofSeconds(1));
            assertGatewayError(server.get("/prod/students", server.key()), 429, "LimitExceededException",
                    "Limit Exceeded");
        }
    }

    @Test
    void answersCorsPreflightWithoutAKey() {
        try (TestServer server = TestServer.start(dataDir, Map.of())) {
            for (String path : List.of("/prod/students", "/prod/backup", "/prod", "/prod/")) {
                HttpResponse<String> response = server.send("OPTIONS", path, null, null,
                        "Origin", "http://example.test", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "content-type,x-api-key");
                assertThat(response.statusCode()).isIn(200, 204);
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
                assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,OPTIONS");
                assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                        .hasValue("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,If-Match");
                assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
            }
        }
    }

    @Test
    void echoesOnlyConfiguredOrigins() {
        try (TestServer server = TestServer.start(dataDir,
                Map.of("CORS_ALLOWED_ORIGINS", "http://a.test, http://b.test"))) {
            HttpResponse<String> allowed = server.send("GET", "/prod/students", null, null, "Origin", "http://b.test");
            assertThat(allowed.statusCode()).isEqualTo(403);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://b.test");
            HttpResponse<String> other = server.send("GET", "/prod/students", null, null, "Origin", "http://c.test");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void unknownPathsAre404WithCorsAndNeedNoKey() {
        try (TestServer server = TestServer.start(dataDir, Map.of())) {
            for (String path : List.of("/prod/teachers", "/prod/students/SV001/grades", "/nowhere")) {
                HttpResponse<String> response = server.get(path, null);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\",\"code\":\"NOT_FOUND\"}");
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            }
            HttpResponse<String> wrongMethod = server.send("DELETE", "/prod/students", null, null);
            assertThat(wrongMethod.statusCode()).as("answered before the key is asked for").isEqualTo(405);
            assertThat(wrongMethod.body())
                    .isEqualTo("{\"message\":\"Method Not Allowed\",\"code\":\"METHOD_NOT_ALLOWED\"}");
            assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET,POST,OPTIONS");
            assertThat(wrongMethod.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        }
    }

    @Test
    void bodiesOverOneMebibyteGet413WithCorsAndStoreNothing() {
        try (TestServer server = TestServer.start(dataDir, Map.of())) {
            String huge = student("SV001", "x".repeat(1024 * 1024));
            HttpResponse<String> response = server.post("/prod/students", huge, server.key());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(response.body())
                    .isEqualTo("{\"message\":\"Request Entity Too Large\",\"code\":\"PAYLOAD_TOO_LARGE\"}");
            assertThat(server.get("/prod/students", server.key()).body()).isEqualTo("[]");
        }
    }

    @Test
    void withTheGatewayOffNoKeyIsNeededAndUnknownPathsAndMethodsAreStillRefused() {
        try (TestServer server = TestServer.start(dataDir, Map.of("GATEWAY", "off"))) {
            assertThat(server.get("/prod/students", null).statusCode()).isEqualTo(200);
            assertThat(server.post("/prod/students", student("SV001", "No Key"), null).statusCode()).isEqualTo(201);
            assertThat(server.get("/prod/students", "not-a-key-at-all-0123456789").body()).contains("SV001");
            assertThat(server.send("DELETE", "/prod/students", null, null).statusCode()).isEqualTo(405);
            assertThat(server.get("/prod/teachers", null).statusCode()).isEqualTo(404);
        }
    }
}
