package dev.studentapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.core.student.Student;
import dev.studentapi.sqlite.SqliteDatabase;
import dev.studentapi.sqlite.SqliteStudentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** The students API over real HTTP, as SPEC §3 describes it. */
class DataPlaneTest {

    @TempDir
    Path dataDir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, Map.of("PLAN_RATE_LIMIT", "1000", "PLAN_BURST_LIMIT", "1000"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) {
        return server.post(path, body, server.key());
    }

    private static void assertJson(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    private List<Path> outbox() throws IOException {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void listsNoStudentsAsAnEmptyArray() {
        HttpResponse<String> response = server.get("/prod/students", server.key());
        assertJson(response, 200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void savesAStudentMailsAConfirmationAndListsItInOrder() throws IOException {
        HttpResponse<String> created = post("/prod/students", student("SV002", "Nguyễn Tri Bão Thắng"));
        assertJson(created, 201);
        JsonNode body = Json.parse(created.body());
        assertThat(body.get("message").asText()).isEqualTo("Student data saved and confirmation email sent!");
        assertThat(body.get("code").asText()).isEqualTo("STUDENT_SAVED");
        assertThat(body.get("student").get("name").asText()).isEqualTo("Nguyễn Tri Bão Thắng");
        post("/prod/students", student("SV001", "An"));

        JsonNode list = Json.parse(server.get("/prod/students", server.key()).body());
        assertThat(list).extracting(s -> s.get("studentid").asText()).containsExactly("SV001", "SV002");
        assertThat(list.get(1).get("class").asText()).isEqualTo("CNTT1");
        assertThat(list.get(1).get("birthdate").asText()).isEqualTo("2003-02-28");
        assertThat(list.get(1).get("email").asText()).isEqualTo("sv002@example.com");

        List<Path> mails = outbox();
        assertThat(mails).hasSize(2);
        String first = Files.readString(mails.get(0));
        assertThat(first).contains("To: sv002@example.com").contains("Subject: Student registration confirmed");
    }

    @Test
    void everyWriteIsInTheVeryNextListWhetherThisServerOrAnotherProcessMadeIt() {
        for (int i = 1; i <= 10; i++) {
            assertThat(Json.parse(server.get("/prod/students", server.key()).body())).hasSize(2 * (i - 1));
            assertJson(post("/prod/students", student(String.format("SV%03d", i), "Over HTTP")), 201);
            assertThat(Json.parse(server.get("/prod/students", server.key()).body())).hasSize(2 * i - 1);
            try (SqliteDatabase cli = SqliteDatabase.open(dataDir.resolve("student-api.db"))) {
                new SqliteStudentStore(cli).insert(new Student(String.format("SV%03d", 100 + i), "From the CLI",
                        "CNTT1", "2003-02-28", "cli@example.com"));
            }
        }
        JsonNode list = Json.parse(server.get("/prod/students", server.key()).body());
        assertThat(list).hasSize(20);
        assertThat(list.get(19).get("name").asText()).isEqualTo("From the CLI");
    }

    @Test
    void requestsThatArriveTogetherAfterAWriteAllListTheNewStudent() throws Exception {
        server.get("/prod/students", server.key());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 1; round <= 5; round++) {
                assertJson(post("/prod/students", student(String.format("SV%03d", round), "Round " + round)), 201);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> sizes = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    sizes.add(pool.submit(() -> {
                        start.await();
                        return Json.parse(server.get("/prod/students", server.key()).body()).size();
                    }));
                }
                start.countDown();
                for (Future<Integer> size : sizes) {
                    assertThat(size.get(30, TimeUnit.SECONDS)).isEqualTo(round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptsTheReferencePagesEnvelope() {
        String envelope = "{\"body\":" + Json.parse(student("SV003", "Bình")).toString()
                .transform(s -> "\"" + s.replace("\"", "\\\"") + "\"") + "}";
        HttpResponse<String> created = post("/prod/students", envelope);
        assertJson(created, 201);
        assertThat(Json.parse(created.body()).get("student").get("studentid").asText()).isEqualTo("SV003");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/prod", "/prod/"})
    void theStageRootIsAnAliasOfStudents(String root) {
        assertJson(post(root, student("SV010", "Root")), 201);
        HttpResponse<String> list = server.get(root, server.key());
        assertJson(list, 200);
        assertThat(Json.parse(list.body()).get(0).get("studentid").asText()).isEqualTo("SV010");
    }

    @Nested
    class RefusesBadInput {
        @ParameterizedTest
        @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{\"body\":\"not json\"}", ""})
        void whenTheBodyIsNotAStudentObject(String body) {
            HttpResponse<String> response = post("/prod/students", body);
            assertJson(response, 400);
            assertThat(response.body()).isEqualTo("{\"message\":\"Invalid data sent.\",\"code\":\"INVALID_JSON\"}");
        }

        @Test
        void whenAFieldIsMissingNamingIt() {
            HttpResponse<String> response = post("/prod/students",
                    "{\"studentid\":\"SV001\",\"name\":\"A\",\"class\":\"C\",\"birthdate\":\"2000-01-01\"}");
            assertJson(response, 400);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("message").asText()).isEqualTo("Missing required student information.");
            assertThat(body.get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(body.get("errors").get("email").get("code").asText()).isEqualTo("REQUIRED");
            assertThat(body.get("errors").get("email").get("message").asText()).isEqualTo("is required");
        }

        @Test
        void whenAFieldIsInvalidWithAFieldSpecificMessage() {
            HttpResponse<String> response = post("/prod/students", student("SV001", "A")
                    .replace("2003-02-28", "2003-02-30"));
            assertJson(response, 400);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("message").asText()).isEqualTo(
                    "Invalid student information: birthdate must be a real date YYYY-MM-DD");
            assertThat(body.get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(body.get("errors").get("birthdate").get("code").asText()).isEqualTo("INVALID_DATE");
            assertThat(body.get("errors").get("birthdate").get("message").asText())
                    .isEqualTo("must be a real date YYYY-MM-DD");
        }

        @Test
        void whenAnUnknownFieldIsSent() {
            HttpResponse<String> response = post("/prod/students", student("SV001", "A")
                    .replace("}", ",\"age\":20}"));
            assertJson(response, 400);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("message").asText()).isEqualTo("Unknown field(s): age");
            assertThat(body.get("errors").get("age").get("code").asText()).isEqualTo("UNKNOWN_FIELD");
        }

        @Test
        void andChangesNothing() throws IOException {
            post("/prod/students", "{}");
            post("/prod/students", student("bad id", "A"));
            assertThat(server.get("/prod/students", server.key()).body()).isEqualTo("[]");
            assertThat(outbox()).isEmpty();
        }
    }

    @Test
    void refusesADuplicateIdWith409AndKeepsTheFirst() {
        post("/prod/students", student("SV001", "First"));
        HttpResponse<String> duplicate = post("/prod/students", student("SV001", "Second"));
        assertJson(duplicate, 409);
        assertThat(duplicate.body())
                .isEqualTo("{\"message\":\"Student ID 'SV001' already exists.\",\"code\":\"DUPLICATE_STUDENT_ID\"}");
        assertThat(Json.parse(server.get("/prod/students", server.key()).body()).get(0).get("name").asText())
                .isEqualTo("First");
    }

    @Test
    void twentyConcurrentInsertsOfOneIdYieldOne201AndNineteen409s() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "Racer " + i;
                statuses.add(pool.submit(() -> {
                    go.await();
                    return post("/prod/students", student("SV777", name)).statusCode();
                }));
            }
            go.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(s -> s == 201).hasSize(1);
            assertThat(results).filteredOn(s -> s == 409).hasSize(19);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void backsUpToTheLocalBucketAndMailsALinkThatDownloadsTheSnapshot() throws IOException {
        post("/prod/students", student("SV001", "An"));
        post("/prod/students", student("SV002", "Bình"));
        HttpResponse<String> response = post("/prod/backup", null);
        assertJson(response, 200);
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("message").asText()).isEqualTo("Backup and email sent successfully!");
        assertThat(body.get("code").asText()).isEqualTo("BACKUP_DONE");
        assertThat(body.get("key").asText()).matches("backups/backup-\\d{8}-\\d{6}\\.json");
        assertThat(body.get("count").asLong()).isEqualTo(2);
        Path file = dataDir.resolve("buckets/student-backup-20250706").resolve(body.get("key").asText());
        assertThat(file).exists();
        assertThat(body.get("bytes").asLong()).isEqualTo(Files.size(file));
        assertThat(Json.parse(Files.readString(file))).extracting(s -> s.get("studentid").asText())
                .containsExactly("SV001", "SV002");

        String link = body.get("downloadUrl").asText();
        assertThat(link).startsWith(server.server().baseUrl() + "/downloads/student-backup-20250706/backups/backup-")
                .contains("?expires=").contains("&signature=");
        HttpResponse<String> download = server.send("GET", link.substring(server.server().baseUrl().toString().length()),
                null, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readString(file));

        String notice = Files.readString(outbox().get(outbox().size() - 1));
        assertThat(notice).contains("To: admin@localhost").contains("Subject: Student Data Backup");
    }

    @Test
    void servesTheWebConfigWithoutAKey() {
        HttpResponse<String> config = server.get("/config.json", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(Json.parse(config.body()).get("apiBaseUrl").asText()).isEqualTo("/prod");
    }

    @Test
    void servesTheWebPagesFilesWithTheirTypeAnETagAnd304WhileUnchanged() {
        HttpResponse<String> page = server.get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.body()).contains("<html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> script = server.get("/app.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
        String etag = script.headers().firstValue("ETag").orElseThrow();
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<String> again = server.send("GET", "/app.js", null, null, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(server.send("GET", "/app.js", null, null, "If-None-Match", "\"other\"").statusCode())
                .isEqualTo(200);

        HttpResponse<String> missing = server.get("/no-such-file.js", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Not Found\",\"code\":\"NOT_FOUND\"}");
    }
}
