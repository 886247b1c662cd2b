package dev.studentapi.server.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading, replacing, patching and deleting one student over HTTP on SQLite, with ETags and If-Match. */
class StudentRecordsHttpTest {

    static final Map<String, String> GENEROUS_PLAN = Map.of("PLAN_RATE_LIMIT", "10000", "PLAN_BURST_LIMIT", "10000",
            "PLAN_QUOTA_LIMIT", "1000000");

    @TempDir
    Path dataDir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, GENEROUS_PLAN);
        assertThat(send("POST", "/prod/students", student("SV001", "Nguyễn Tri Bão Thắng")).statusCode())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        return server.send(method, path, body, server.key(), headers);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Json.parse(response.body()).get("code").asText()).isEqualTo(code);
    }

    private static String envelope(String student) {
        return "{\"body\":\"" + student.replace("\"", "\\\"") + "\"}";
    }

    @Test
    void readsOneStudentWithAStrongETag() {
        HttpResponse<String> response = send("GET", "/prod/students/SV001", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(etag(response)).matches("\"[0-9a-f]{16}\"");
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("studentid").asText()).isEqualTo("SV001");
        assertThat(body.get("name").asText()).isEqualTo("Nguyễn Tri Bão Thắng");
        assertThat(etag(send("GET", "/prod/students/SV001", null))).isEqualTo(etag(response));
    }

    @Test
    void answersAnAbsentStudentWith404NamingIt() {
        HttpResponse<String> response = send("GET", "/prod/students/SV404", null);
        assertError(response, 404, "STUDENT_NOT_FOUND");
        assertThat(response.body())
                .isEqualTo("{\"message\":\"Student 'SV404' not found.\",\"code\":\"STUDENT_NOT_FOUND\"}");
        assertError(send("PUT", "/prod/students/SV404", student("SV404", "A")), 404, "STUDENT_NOT_FOUND");
        assertError(send("PATCH", "/prod/students/SV404", "{\"name\":\"A\"}"), 404, "STUDENT_NOT_FOUND");
        assertError(send("DELETE", "/prod/students/SV404", null), 404, "STUDENT_NOT_FOUND");
    }

    @Test
    void speaksVietnameseWhenConfigured(@TempDir Path otherDir) {
        try (TestServer vietnamese = TestServer.start(otherDir, Map.of("LOCALE", "vi"))) {
            HttpResponse<String> response = vietnamese.get("/prod/students/SV404", vietnamese.key());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Json.parse(response.body()).get("message").asText())
                    .isEqualTo("Không tìm thấy sinh viên 'SV404'.");
        }
    }

    @Test
    void everyRecordsRouteNeedsTheKey() {
        for (String[] call : new String[][] {{"GET", "/prod/students/SV001"}, {"PUT", "/prod/students/SV001"},
                {"PATCH", "/prod/students/SV001"}, {"DELETE", "/prod/students/SV001"},
                {"POST", "/prod/students/import"}, {"GET", "/prod/students?limit=10"}}) {
            HttpResponse<String> refused = server.send(call[0], call[1], call[0].equals("GET")
                    || call[0].equals("DELETE") ? null : "{}", null);
            assertThat(refused.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        }
        assertThat(send("GET", "/prod/students/SV001", null).statusCode()).isEqualTo(200);
    }

    @Nested
    class Replace {
        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void replacesEveryFieldInEitherBodyShapeAndAnswersTheNewETag(boolean enveloped) {
            String before = etag(send("GET", "/prod/students/SV001", null));
            String replacement = "{\"name\":\"Trần Bình\",\"class\":\"21DTHA1\",\"birthdate\":\"2002-01-31\","
                    + "\"email\":\"binh@example.edu.vn\"}";
            HttpResponse<String> response = send("PUT", "/prod/students/SV001",
                    enveloped ? envelope(replacement) : replacement);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(etag(response)).isNotEqualTo(before);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("studentid").asText()).isEqualTo("SV001");
            assertThat(body.get("class").asText()).isEqualTo("21DTHA1");
            HttpResponse<String> read = send("GET", "/prod/students/SV001", null);
            assertThat(Json.parse(read.body()).get("email").asText()).isEqualTo("binh@example.edu.vn");
            assertThat(etag(read)).isEqualTo(etag(response));
        }

        @Test
        void refusesAStudentIdThatDiffersFromThePath() {
            HttpResponse<String> response = send("PUT", "/prod/students/SV001", student("SV002", "Other"));
            assertError(response, 400, "VALIDATION_FAILED");
            assertThat(Json.parse(response.body()).get("errors").get("studentid").get("code").asText())
                    .isEqualTo("ID_MISMATCH");
            assertThat(Json.parse(send("GET", "/prod/students/SV001", null).body()).get("name").asText())
                    .isEqualTo("Nguyễn Tri Bão Thắng");
        }

        @Test
        void validatesLikeAnInsert() {
            HttpResponse<String> response = send("PUT", "/prod/students/SV001",
                    student("SV001", "A").replace("2003-02-28", "2003-02-30"));
            assertError(response, 400, "VALIDATION_FAILED");
            assertThat(Json.parse(response.body()).get("errors").get("birthdate").get("code").asText())
                    .isEqualTo("INVALID_DATE");
            assertError(send("PUT", "/prod/students/SV001", "not json"), 400, "INVALID_JSON");
        }

        @Test
        void appliesOnlyWhileIfMatchStillMatches() {
            String current = etag(send("GET", "/prod/students/SV001", null));
            HttpResponse<String> first = send("PUT", "/prod/students/SV001", student("SV001", "First"),
                    "If-Match", current);
            assertThat(first.statusCode()).isEqualTo(200);
            HttpResponse<String> stale = send("PUT", "/prod/students/SV001", student("SV001", "Second"),
                    "If-Match", current);
            assertError(stale, 412, "PRECONDITION_FAILED");
            assertThat(Json.parse(send("GET", "/prod/students/SV001", null).body()).get("name").asText())
                    .isEqualTo("First");
            assertThat(send("PUT", "/prod/students/SV001", student("SV001", "Any"), "If-Match", "*").statusCode())
                    .isEqualTo(200);
            assertThat(send("PUT", "/prod/students/SV001", student("SV001", "Last"), "If-Match",
                    "W/" + etag(send("GET", "/prod/students/SV001", null))).statusCode()).isEqualTo(412);
        }
    }

    @Nested
    class Patch {
        @ParameterizedTest
        @ValueSource(strings = {"application/merge-patch+json", "application/json"})
        void appliesAMergePatch(String contentType) {
            HttpResponse<String> response = send("PATCH", "/prod/students/SV001",
                    "{\"birthdate\":\"2003-03-01\"}", "Content-Type", contentType);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("birthdate").asText()).isEqualTo("2003-03-01");
            assertThat(body.get("name").asText()).isEqualTo("Nguyễn Tri Bão Thắng");
            assertThat(etag(response)).isEqualTo(etag(send("GET", "/prod/students/SV001", null)));
        }

        @Test
        void acceptsTheEnvelopeToo() {
            HttpResponse<String> response = send("PATCH", "/prod/students/SV001", envelope("{\"class\":\"K99\"}"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Json.parse(response.body()).get("class").asText()).isEqualTo("K99");
        }

        @Test
        void refusesRemovingARequiredFieldAndAnotherId() {
            HttpResponse<String> removed = send("PATCH", "/prod/students/SV001", "{\"email\":null}",
                    "Content-Type", "application/merge-patch+json");
            assertError(removed, 400, "VALIDATION_FAILED");
            assertThat(Json.parse(removed.body()).get("errors").get("email").get("code").asText())
                    .isEqualTo("REQUIRED");
            HttpResponse<String> otherId = send("PATCH", "/prod/students/SV001", "{\"studentid\":\"SV9\"}");
            assertThat(Json.parse(otherId.body()).get("errors").get("studentid").get("code").asText())
                    .isEqualTo("ID_MISMATCH");
            assertError(send("PATCH", "/prod/students/SV001", "[]"), 400, "INVALID_JSON");
        }

        @Test
        void honoursIfMatch() {
            String current = etag(send("GET", "/prod/students/SV001", null));
            assertThat(send("PATCH", "/prod/students/SV001", "{\"name\":\"A\"}", "If-Match", current).statusCode())
                    .isEqualTo(200);
            assertError(send("PATCH", "/prod/students/SV001", "{\"name\":\"B\"}", "If-Match", current), 412,
                    "PRECONDITION_FAILED");
        }
    }

    @Nested
    class Delete {
        @Test
        void deletesWith204AndThenItIsGone() {
            HttpResponse<String> response = send("DELETE", "/prod/students/SV001", null);
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertError(send("GET", "/prod/students/SV001", null), 404, "STUDENT_NOT_FOUND");
            assertError(send("DELETE", "/prod/students/SV001", null), 404, "STUDENT_NOT_FOUND");
            assertThat(send("GET", "/prod/students", null).body()).isEqualTo("[]");
        }

        @Test
        void honoursIfMatch() {
            String before = etag(send("GET", "/prod/students/SV001", null));
            send("PATCH", "/prod/students/SV001", "{\"name\":\"Changed\"}");
            assertError(send("DELETE", "/prod/students/SV001", null, "If-Match", before), 412,
                    "PRECONDITION_FAILED");
            String now = etag(send("GET", "/prod/students/SV001", null));
            assertThat(send("DELETE", "/prod/students/SV001", null, "If-Match", now).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void twentyUpdatesWithTheSameETagYieldOne200AndNineteen412s() throws Exception {
        String current = etag(send("GET", "/prod/students/SV001", null));
        List<Integer> statuses = race(i -> () -> send("PUT", "/prod/students/SV001", student("SV001", "Racer " + i),
                "If-Match", current).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(19);
    }

    @Test
    void twentyDeletesWithTheSameETagYieldOne204AndNineteen412s() throws Exception {
        String current = etag(send("GET", "/prod/students/SV001", null));
        List<Integer> statuses = race(i -> () -> send("DELETE", "/prod/students/SV001", null, "If-Match", current)
                .statusCode());
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(19);
    }

    private static List<Integer> race(java.util.function.IntFunction<Supplier<Integer>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Supplier<Integer> one = call.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return one.get();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void preflightsListEachPathsMethods() {
        HttpResponse<String> one = server.send("OPTIONS", "/prod/students/SV001", null, null, "Origin",
                "http://example.test", "Access-Control-Request-Method", "PUT");
        assertThat(one.statusCode()).isEqualTo(204);
        assertThat(one.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT,PATCH,DELETE,OPTIONS");
        assertThat(one.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("If-Match");
        assertThat(one.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("ETag").contains("Link");
        assertThat(server.send("OPTIONS", "/prod/students", null, null).headers()
                .firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,OPTIONS");
        assertThat(server.send("OPTIONS", "/prod/students/import", null, null).headers()
                .firstValue("Access-Control-Allow-Methods")).hasValue("POST,OPTIONS");
    }

    @Test
    void refusesOtherMethodsWith405NamingTheAllowedOnes() {
        HttpResponse<String> response = send("POST", "/prod/students/SV001", "{}");
        assertError(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.headers().firstValue("Allow")).hasValue("DELETE,GET,PATCH,PUT,OPTIONS");
    }
}
