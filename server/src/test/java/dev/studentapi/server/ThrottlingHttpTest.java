package dev.studentapi.server;

import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.ThrottleInput;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.testkit.ExternalProgram;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-method and stage-wide throttling and the RateLimit headers over real HTTP, the clock held still so that
 * no bucket refills while a test runs.
 */
class ThrottlingHttpTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");

    private static UsagePlan onlyPlan(TestServer server) {
        return server.server().components().plans.list().get(0);
    }

    private static ApiStage stage(TestServer server) {
        return server.server().components().plans.servedStage().stage();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Nested
    class PerMethod {
        @Test
        void theThirdConcurrentGetIsRefusedWhilePostsStillPass() throws Exception {
            try (TestServer server = TestServer.start(dataDir,
                    Map.of("PLAN_RATE_LIMIT", "100", "PLAN_BURST_LIMIT", "100"), clock)) {
                UsagePlan plan = onlyPlan(server);
                server.server().components().plans.change(plan.id(), d -> d.withMethodThrottle(stage(server),
                        "/students/GET", t -> new ThrottleInput(1.0, 2)));

                List<Integer> statuses = Race.run(3, i -> server.get("/prod/students", server.key()).statusCode());

                assertThat(statuses).containsExactlyInAnyOrder(200, 200, 429);
                HttpResponse<String> refused = server.get("/prod/students", server.key());
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(header(refused, "x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
                assertThat(refused.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
                for (int i = 0; i < 3; i++) {
                    assertThat(server.post("/prod/students", student("SV00" + i, "Student " + i), server.key())
                            .statusCode()).isEqualTo(201);
                }
                assertThat(server.get("/prod/students/SV001", server.key()).statusCode()).isEqualTo(200);
            }
        }

        @Test
        void aMethodThrottleSetForAllMethodsGivesEachMethodItsOwnBucket() {
            try (TestServer server = TestServer.start(dataDir, Map.of(), clock)) {
                UsagePlan plan = onlyPlan(server);
                server.server().components().plans.change(plan.id(), d -> d.withMethodThrottle(stage(server),
                        "/*/*", t -> new ThrottleInput(1.0, 1)));

                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(429);
                assertThat(server.post("/prod/students", student("SV001", "An"), server.key()).statusCode())
                        .isEqualTo(201);
                assertThat(server.post("/prod/students", student("SV002", "Binh"), server.key()).statusCode())
                        .isEqualTo(429);
            }
        }
    }

    @Nested
    class StageWide {
        @Test
        void twoKeysTogetherGetNoMoreThanTheStagesBurst() {
            try (TestServer server = TestServer.start(dataDir,
                    Map.of("STAGE_BURST_LIMIT", "3", "STAGE_RATE_LIMIT", "1"), clock)) {
                var components = server.server().components();
                IssuedApiKey second = components.keys.create("second", "", true, Optional.empty());
                components.plans.bind(onlyPlan(server).id(), second.key().id());

                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
                assertThat(server.get("/prod/students", second.value()).statusCode()).isEqualTo(200);
                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);

                HttpResponse<String> refused = server.get("/prod/students", second.value());
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(header(refused, "x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
                assertThat(header(refused, "RateLimit")).isEqualTo("\"stage\";r=0;t=1");
                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(429);
            }
        }

        @Test
        void instancesSharingRedisShareTheStagesBucket() {
            boolean redis;
            try (Socket socket = new Socket("127.0.0.1", 6379)) {
                redis = socket.isConnected();
            } catch (IOException e) {
                redis = false;
            }
            ExternalProgram.require("redis", redis, "apt-get install redis-server");
            String stageName = "t" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> env = Map.of("LIMITER", "redis", "REDIS_URL", "redis://127.0.0.1:6379",
                    "STAGE", stageName, "STAGE_BURST_LIMIT", "3", "STAGE_RATE_LIMIT", "1");
            try (TestServer a = TestServer.start(dataDir, env, clock);
                 TestServer b = TestServer.start(otherDataDir, env, clock)) {
                String path = "/" + stageName + "/students";
                assertThat(a.get(path, a.key()).statusCode()).isEqualTo(200);
                assertThat(b.get(path, b.key()).statusCode()).isEqualTo(200);
                assertThat(a.get(path, a.key()).statusCode()).isEqualTo(200);

                assertThat(b.get(path, b.key()).statusCode()).isEqualTo(429);
                assertThat(a.get(path, a.key()).statusCode()).isEqualTo(429);
            }
        }
    }

    @Nested
    class RateLimitHeaders {
        @Test
        void aThrottled429SaysTheSameWaitInRetryAfterAndInTheThrottlesReset() {
            try (TestServer server = TestServer.start(dataDir,
                    Map.of("PLAN_RATE_LIMIT", "0.25", "PLAN_BURST_LIMIT", "1"), clock)) {
                HttpResponse<String> admitted = server.get("/prod/students", server.key());
                assertThat(admitted.statusCode()).isEqualTo(200);
                assertThat(header(admitted, "RateLimit")).as("off by default on admitted answers").isNull();

                HttpResponse<String> refused = server.get("/prod/students", server.key());

                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(header(refused, "Retry-After")).isEqualTo("4");
                assertThat(header(refused, "RateLimit-Policy")).isEqualTo("\"stage\";q=5000;w=1, \"throttle\";q=1;w=4");
                assertThat(header(refused, "RateLimit")).isEqualTo("\"stage\";r=4998;t=1, \"throttle\";r=0;t=4");
            }
        }

        @Test
        void aQuota429SaysTheSameWaitInRetryAfterAndInTheQuotasReset() {
            try (TestServer server = TestServer.start(dataDir, Map.of("PLAN_QUOTA_LIMIT", "1"), clock)) {
                assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);

                HttpResponse<String> refused = server.get("/prod/students", server.key());

                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(header(refused, "x-amzn-ErrorType")).isEqualTo("LimitExceededException");
                assertThat(header(refused, "Retry-After")).isEqualTo("50400");
                assertThat(header(refused, "RateLimit-Policy")).endsWith(", \"quota\";q=1;w=86400");
                assertThat(header(refused, "RateLimit")).endsWith(", \"quota\";r=0;t=50400");
            }
        }

        @Test
        void withRateLimitHeadersOnAnAdmittedAnswerReportsEveryLimit() {
            try (TestServer server = TestServer.start(dataDir, Map.of("RATELIMIT_HEADERS", "on"), clock)) {
                UsagePlan plan = onlyPlan(server);
                server.server().components().plans.change(plan.id(), d -> d.withMethodThrottle(stage(server),
                        "/students/GET", t -> new ThrottleInput(2.0, 4)));

                HttpResponse<String> admitted = server.get("/prod/students", server.key());

                assertThat(admitted.statusCode()).isEqualTo(200);
                assertThat(header(admitted, "RateLimit-Policy")).isEqualTo("\"stage\";q=5000;w=1, "
                        + "\"throttle\";q=10;w=2, \"method\";q=4;w=2, \"quota\";q=1000;w=86400");
                assertThat(header(admitted, "RateLimit")).isEqualTo("\"stage\";r=4999;t=1, "
                        + "\"throttle\";r=9;t=1, \"method\";r=3;t=1, \"quota\";r=999;t=50400");
                HttpResponse<String> posted = server.post("/prod/students", student("SV001", "An"), server.key());
                assertThat(header(posted, "RateLimit")).isEqualTo("\"stage\";r=4998;t=1, "
                        + "\"throttle\";r=8;t=1, \"quota\";r=998;t=50400");
            }
        }
    }
}
