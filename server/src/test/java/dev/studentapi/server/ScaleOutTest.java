package dev.studentapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.testkit.ExternalProgram;
import dev.studentapi.testkit.MotoServer;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.RequiresMotoServer;
import dev.studentapi.testkit.TcpForwarder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Two server instances on shared DynamoDB, S3, SES (moto_server) and Redis behave as one. */
@RequiresMotoServer
class ScaleOutTest {

    private static final String SENDER = "noreply@school.test";
    private static MotoServer moto;

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    @BeforeAll
    static void engines() {
        boolean redis;
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            redis = socket.isConnected();
        } catch (IOException e) {
            redis = false;
        }
        ExternalProgram.require("redis", redis, "apt-get install redis-server");
        moto = MotoServer.start();
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            ses.createEmailIdentity(b -> b.emailIdentity(SENDER));
        }
    }

    @AfterAll
    static void stopEngines() {
        if (moto != null) {
            moto.close();
        }
    }

    private Map<String, String> shared(String prefix, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("STORE", "dynamodb", "BUCKET", "s3", "MAIL", "ses",
                "LIMITER", "redis", "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "DYNAMODB_TABLE_PREFIX", prefix, "SENDER_EMAIL", SENDER));
        env.put("S3_BUCKET_NAME", "backups-" + prefix.toLowerCase().replace("-", ""));
        env.put("REDIS_URL", "redis://127.0.0.1:6379");
        env.put("ADMIN_ACCESS_KEY_ID", "AKIASHAREDBYINSTANCES");
        env.put("ADMIN_SECRET_ACCESS_KEY", "the-control-plane-secret-every-instance-shares");
        env.putAll(extra);
        return env;
    }

    private static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    private static List<HttpResponse<String>> burst(int requests, List<TestServer> servers, String key)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                TestServer target = servers.get(i % servers.size());
                futures.add(pool.submit(() -> {
                    go.await();
                    return target.get("/prod/students", key);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fourHundredRequestsOverTwoInstancesGetExactlyTheQuotaOfOneHundred() throws Exception {
        String prefix = prefix();
        Map<String, String> limits = Map.of("PLAN_QUOTA_LIMIT", "100", "PLAN_RATE_LIMIT", "10000",
                "PLAN_BURST_LIMIT", "10000");
        try (TestServer a = TestServer.start(dataA, shared(prefix, limits));
             TestServer b = TestServer.start(dataB, shared(prefix, limits))) {
            assertThat(a.key()).isNotNull();
            assertThat(b.key()).as("the second instance finds the key the first created").isNull();
            List<HttpResponse<String>> responses = burst(400, List.of(a, b), a.key());
            assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(100);
            assertThat(responses).filteredOn(r -> r.statusCode() == 429
                    && r.body().contains("Limit Exceeded")).hasSize(300);
        }
    }

    @Test
    void aSimultaneousBurstAcrossBothInstancesGetsAtMostBurstPlusOne() throws Exception {
        String prefix = prefix();
        Map<String, String> limits = Map.of("PLAN_RATE_LIMIT", "1", "PLAN_BURST_LIMIT", "10");
        // Both instances read one clock that the test holds still, so that the requests' own duration (each
        // looks its key up in DynamoDB) refills nothing: what is measured is the shared bucket alone.
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (TestServer a = TestServer.start(dataA, shared(prefix, limits), clock);
             TestServer b = TestServer.start(dataB, shared(prefix, limits), clock)) {
            List<HttpResponse<String>> responses = burst(60, List.of(a, b), a.key());
            long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
            assertThat(ok).isEqualTo(10L);
            clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(burst(10, List.of(a, b), a.key())).filteredOn(r -> r.statusCode() == 200).hasSize(1);
            assertThat(responses).filteredOn(r -> r.statusCode() == 429).allSatisfy(
                    r -> assertThat(r.body()).contains("Too Many Requests"));
        }
    }

    @Test
    void aBackupGoesToS3WithAPresignedLinkAndItsNoticeThroughSes() throws Exception {
        String prefix = prefix();
        try (TestServer a = TestServer.start(dataA, shared(prefix, Map.of()));
             TestServer b = TestServer.start(dataB, shared(prefix, Map.of()))) {
            assertThat(a.post("/prod/students", student("SV001", "An"), a.key()).statusCode()).isEqualTo(201);
            assertThat(b.post("/prod/students", student("SV002", "Bình"), a.key()).statusCode()).isEqualTo(201);
            assertThat(Json.parse(a.get("/prod/students", a.key()).body())).hasSize(2);

            HttpResponse<String> backup = b.post("/prod/backup", null, a.key());
            assertThat(backup.statusCode()).as(backup.body()).isEqualTo(200);
            JsonNode body = Json.parse(backup.body());
            String link = body.get("downloadUrl").asText();
            assertThat(link).startsWith(moto.endpoint().toString()).contains("X-Amz-Signature=");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(Json.parse(download.body())).extracting(s -> s.get("studentid").asText())
                    .containsExactly("SV001", "SV002");

            String sent = http.send(HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/data.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Json.parse(sent).path("ses").path("Message").toString()).contains("Student Data Backup");
        }
    }

    @Test
    void losingRedisGives503sAndServiceComesBackWithIt() throws Exception {
        try (TcpForwarder forwarder = new TcpForwarder("127.0.0.1", 6379).start();
             TestServer a = TestServer.start(dataA, Map.of("LIMITER", "redis",
                     "REDIS_URL", "redis://127.0.0.1:" + forwarder.port()))) {
            assertThat(a.get("/prod/students", a.key()).statusCode()).isEqualTo(200);
            forwarder.stop();
            HttpResponse<String> down = a.get("/prod/students", a.key());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(Json.parse(down.body()).get("message").asText()).startsWith("Service Unavailable: ")
                    .contains("Redis");
            forwarder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int status = 0;
            while (System.nanoTime() < deadline && (status = a.get("/prod/students", a.key()).statusCode()) != 200) {
                Thread.onSpinWait();
            }
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void anUnreachableEngineStopsStartUpNamingIt() {
        Map<String, String> env = Map.of("LIMITER", "redis", "REDIS_URL", "redis://127.0.0.1:1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(dataA, env).close())
                .hasMessageContaining("Redis is unreachable at 127.0.0.1:1");
    }
}
