package dev.studentapi.server.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error of the data plane and of the download route, over real HTTP, carries its code (README's table). */
class ErrorCodesHttpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> GENEROUS_PLAN = Map.of("PLAN_RATE_LIMIT", "1000",
            "PLAN_BURST_LIMIT", "1000");

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private TestServer server;

    private TestServer start(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(GENEROUS_PLAN);
        all.putAll(variables);
        server = TestServer.start(dataDir, all, clock);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Asserts an error answer of this status and code, readable by a browser page, and returns its body. */
    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "dev.studentapi");
        return body;
    }

    private HttpResponse<String> post(String path, String body) {
        return server.post(path, body, server.key());
    }

    @Nested
    class RefusedStudents {

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{\"body\":\"not json\"}", ""})
        void aBodyThatIsNotAStudentObjectIsInvalidJson(String body) {
            start(Map.of());
            JsonNode answer = assertError(post("/prod/students", body), 400, "INVALID_JSON");
            assertThat(answer.get("message").asText()).isEqualTo("Invalid data sent.");
        }

        static Stream<Arguments> fieldProblems() {
            return Stream.of(
                    Arguments.of("studentid", null, "REQUIRED"),
                    Arguments.of("name", "   ", "REQUIRED"),
                    Arguments.of("class", 7, "INVALID_TYPE"),
                    Arguments.of("studentid", "SV 001", "INVALID_FORMAT"),
                    Arguments.of("studentid", "S".repeat(65), "TOO_LONG"),
                    Arguments.of("name", "n".repeat(201), "TOO_LONG"),
                    Arguments.of("class", "c".repeat(65), "TOO_LONG"),
                    Arguments.of("email", "e".repeat(250) + "@x.vn", "TOO_LONG"),
                    Arguments.of("birthdate", "2003-02-30", "INVALID_DATE"),
                    Arguments.of("birthdate", "2026-11-29", "DATE_IN_FUTURE"),
                    Arguments.of("email", "no-at-sign.example.com", "INVALID_EMAIL"),
                    Arguments.of("name", "An\u0000", "INVALID_CHARACTERS"),
                    Arguments.of("name", "An \u202Egnaht", "INVALID_CHARACTERS"),
                    Arguments.of("age", "20", "UNKNOWN_FIELD"));
        }

        @ParameterizedTest(name = "{0} = {1} is {2}")
        @MethodSource("fieldProblems")
        void eachRefusedFieldNamesItsCode(String field, Object value, String code) throws IOException {
            start(Map.of());
            Map<String, Object> submitted = MAPPER.readValue(student("SV001", "An"),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            if (value == null) {
                submitted.remove(field);
            } else {
                submitted.put(field, value);
            }

            JsonNode body = assertError(post("/prod/students", MAPPER.writeValueAsString(submitted)), 400,
                    "VALIDATION_FAILED");

            assertThat(body.get("errors").properties()).hasSize(1);
            assertThat(body.get("errors").get(field).get("code").asText()).isEqualTo(code);
            assertThat(body.get("errors").get(field).get("message").asText()).isNotBlank();
            assertThat(server.get("/prod/students", server.key()).body()).isEqualTo("[]");
        }

        @Test
        void aTakenIdIsADuplicate() {
            start(Map.of());
            post("/prod/students", student("SV001", "First"));

            JsonNode body = assertError(post("/prod/students", student("SV001", "Second")), 409,
                    "DUPLICATE_STUDENT_ID");

            assertThat(body.get("message").asText()).isEqualTo("Student ID 'SV001' already exists.");
        }
    }

    @Nested
    class Protocol {

        @ParameterizedTest
        @ValueSource(strings = {"/prod/teachers", "/prod/students/SV001/grades", "/prod/backup/latest", "/nowhere"})
        void unknownPathsAreNotFoundWithOrWithoutAKey(String path) {
            start(Map.of());
            assertThat(assertError(server.get(path, null), 404, "NOT_FOUND").get("message").asText())
                    .isEqualTo("Not Found");
            assertError(server.get(path, server.key()), 404, "NOT_FOUND");
            assertError(server.post(path, "{}", server.key()), 404, "NOT_FOUND");
        }

        @Test
        void aWrongMethodOnAKnownPathIsNotAllowedAndSaysWhichAre() {
            start(Map.of());
            for (String path : new String[] {"/prod/students", "/prod", "/prod/", "/prod/students/"}) {
                for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
                    HttpResponse<String> response = server.send(method, path, "{}", server.key());
                    assertThat(assertError(response, 405, "METHOD_NOT_ALLOWED").get("message").asText())
                            .isEqualTo("Method Not Allowed");
                    assertThat(response.headers().firstValue("Allow")).as(method + " " + path)
                            .hasValue("GET,POST,OPTIONS");
                }
            }
            HttpResponse<String> readBackup = server.get("/prod/backup", null);
            assertError(readBackup, 405, "METHOD_NOT_ALLOWED");
            assertThat(readBackup.headers().firstValue("Allow")).hasValue("POST,OPTIONS");
            HttpResponse<String> head = server.send("HEAD", "/prod/students", null, server.key());
            assertThat(head.statusCode()).isEqualTo(405);
            assertThat(head.headers().firstValue("Allow")).hasValue("GET,POST,OPTIONS");
        }

        @Test
        void aBodyOverOneMebibyteIsTooLargeWhetherItsLengthIsAnnouncedOrNot() {
            start(Map.of());
            String huge = student("SV001", "x".repeat(1024 * 1024));
            assertThat(assertError(post("/prod/students", huge), 413, "PAYLOAD_TOO_LARGE").get("message").asText())
                    .isEqualTo("Request Entity Too Large");

            HttpRequest chunked = HttpRequest.newBuilder(server.url("/prod/students"))
                    .header("x-api-key", server.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                    .build();
            assertError(send(chunked), 413, "PAYLOAD_TOO_LARGE");
            assertThat(server.get("/prod/students", server.key()).body()).isEqualTo("[]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET /prod/%zz HTTP/1.1", "GET /prod/students?x=1 HTTP/1.1\r\nContent-Length: abc",
                "GET /prod/students HTTP/1.1\r\nX-Huge: {huge}", "GET /prod/{huge} HTTP/1.1"})
        void requestsTheWebServerCannotReadAreAnsweredInJsonWithACode(String head) throws IOException {
            start(Map.of());
            String request = head.replace("{huge}", "h".repeat(20_000))
                    + "\r\nHost: 127.0.0.1\r\nOrigin: http://page.test\r\nConnection: close\r\n\r\n";
            String answer;
            try (Socket socket = new Socket("127.0.0.1", server.url("/").getPort())) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }

            String headers = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertThat(answer).matches("(?s)HTTP/1\\.1 4(00|14|31) .*");
            assertThat(headers).contains("content-type: application/json", "access-control-allow-origin: *");
            assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                    .isEqualTo("{\"message\":\"Invalid data sent.\",\"code\":\"INVALID_JSON\"}");
        }

        @Test
        void aStoreThatCannotBeReachedIsServiceUnavailable() {
            start(Map.of());
            server.server().components().close();

            HttpResponse<String> response = server.get("/prod/students", server.key());

            JsonNode body = assertError(response, 503, "SERVICE_UNAVAILABLE");
            assertThat(body.get("message").asText()).startsWith("Service Unavailable: ");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceUnavailableException");
        }
    }

    @Nested
    class Backups {

        @Test
        void aBackupThatCannotBeStoredFailsNamingTheReason() throws IOException {
            start(Map.of());
            Path bucket = dataDir.resolve("buckets/student-backup-20250706");
            Files.createDirectories(bucket.getParent());
            Files.writeString(bucket, "a file where the bucket's folder should be");

            JsonNode body = assertError(post("/prod/backup", null), 500, "BACKUP_FAILED");

            assertThat(body.get("reason").asText()).isNotBlank();
            assertThat(body.get("message").asText()).startsWith("Backup failed: ");
        }

        @Test
        void aBackupWhoseMailFailsIsKeptAndSaysSo() throws IOException {
            start(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(closedPort())));

            JsonNode saved = Json.parse(post("/prod/students", student("SV001", "An")).body());
            assertThat(saved.get("code").asText()).isEqualTo("STUDENT_SAVED_MAIL_FAILED");
            assertThat(saved.get("mailError").asText()).isNotBlank();
            JsonNode body = assertError(post("/prod/backup", null), 500, "BACKUP_MAIL_FAILED");

            assertThat(body.get("mailError").asText()).isNotBlank();
            assertThat(dataDir.resolve("buckets/student-backup-20250706").resolve(body.get("key").asText()))
                    .isRegularFile();
        }

        private static int closedPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    @Nested
    class DownloadLinks {

        private String backupLink() {
            JsonNode body = Json.parse(post("/prod/backup", null).body());
            assertThat(body.get("code").asText()).isEqualTo("BACKUP_DONE");
            return body.get("downloadUrl").asText().substring(server.server().baseUrl().toString().length());
        }

        @Test
        void anExpiredLinkSaysSo() {
            start(Map.of());
            String link = backupLink();
            clock.advance(Duration.ofHours(1));

            HttpResponse<String> response = server.get(link, null);

            assertThat(assertError(response, 403, "LINK_EXPIRED").get("message").asText())
                    .isEqualTo("Request has expired");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDenied");
        }

        @Test
        void aTamperedLinkIsASignatureMismatch() {
            start(Map.of());
            String link = backupLink();
            String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");

            HttpResponse<String> response = server.get(tampered, null);

            assertThat(assertError(response, 403, "SIGNATURE_MISMATCH").get("message").asText())
                    .isEqualTo("Signature does not match");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDenied");
            assertError(server.get(link.substring(0, link.indexOf('?')), null), 403, "SIGNATURE_MISMATCH");
        }

        @Test
        void aGenuineLinkToADeletedBackupIsNotFound() throws IOException {
            start(Map.of());
            String link = backupLink();
            Path bucket = dataDir.resolve("buckets/student-backup-20250706/backups");
            try (Stream<Path> files = Files.list(bucket)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }

            assertError(server.get(link, null), 404, "NOT_FOUND");
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
