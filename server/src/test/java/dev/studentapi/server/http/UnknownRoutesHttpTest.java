package dev.studentapi.server.http;

import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UNKNOWN_ROUTES: by default a path the data plane does not define answers 404 and a method a known path does not
 * allow 405 with Allow (SPEC §4); with {@code aws} both answer API Gateway's 403 Missing Authentication Token,
 * whether a key is sent, a valid one or none. The defined routes, health, the OpenAPI document, the web page and
 * downloads answer the same in both modes.
 */
class UnknownRoutesHttpTest {

    private static final String MISSING_TOKEN = "{\"message\":\"Missing Authentication Token\"}";

    @TempDir
    Path defaultDir;
    @TempDir
    Path awsDir;

    @Test
    void byDefaultAnUnknownPathIs404AndAnUnknownMethod405() {
        try (TestServer server = TestServer.start(defaultDir, Map.of())) {
            for (String key : new String[] {null, server.key()}) {
                HttpResponse<String> unknownPath = server.get("/prod/nothing/here", key);
                assertThat(unknownPath.statusCode()).isEqualTo(404);
                assertThat(Json.parse(unknownPath.body()).get("code").asText()).isEqualTo("NOT_FOUND");
                assertThat(unknownPath.headers().firstValue("x-amzn-ErrorType")).isEmpty();

                HttpResponse<String> unknownMethod = server.send("PUT", "/prod/students", "{}", key);
                assertThat(unknownMethod.statusCode()).isEqualTo(405);
                assertThat(unknownMethod.headers().firstValue("Allow")).contains("GET,POST,OPTIONS");
            }
        }
    }

    @Test
    void withAwsEveryUndefinedPathOrMethodIsMissingAuthenticationTokenWithOrWithoutAKey() {
        try (TestServer server = TestServer.start(awsDir, Map.of("UNKNOWN_ROUTES", "aws"))) {
            for (String key : new String[] {null, "not-a-key-at-all", server.key()}) {
                for (List<String> request : List.of(List.of("GET", "/prod/nothing/here"),
                        List.of("GET", "/other-stage/students"), List.of("DELETE", "/prod/students"),
                        List.of("PUT", "/prod/students"), List.of("PATCH", "/prod"),
                        List.of("GET", "/prod/backup"), List.of("POST", "/prod/students/s1"),
                        List.of("OPTIONS", "/prod/nothing"), List.of("GET", "/no-such-file.css"))) {
                    HttpResponse<String> answer = server.send(request.get(0), request.get(1),
                            request.get(0).equals("GET") || request.get(0).equals("OPTIONS") ? null : "{}", key);
                    assertThat(answer.statusCode()).as("%s with key %s", request, key).isEqualTo(403);
                    assertThat(answer.body()).as("%s", request).isEqualTo(MISSING_TOKEN);
                    assertThat(answer.headers().firstValue("x-amzn-ErrorType")).as("%s", request)
                            .contains("MissingAuthenticationTokenException");
                    assertThat(answer.headers().firstValue("Allow")).as("%s", request).isEmpty();
                }
            }

            assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
            HttpResponse<String> noKey = server.get("/prod/students", null);
            assertThat(noKey.statusCode()).isEqualTo(403);
            assertThat(noKey.headers().firstValue("x-amzn-ErrorType")).contains("ForbiddenException");
            HttpResponse<String> missingStudent = server.get("/prod/students/nobody", server.key());
            assertThat(missingStudent.statusCode()).as("a defined route's own 404").isEqualTo(404);
            assertThat(Json.parse(missingStudent.body()).get("code").asText()).isEqualTo("STUDENT_NOT_FOUND");
            assertThat(server.send("OPTIONS", "/prod/students", null, null).statusCode()).as("a preflight")
                    .isLessThan(300);
        }
    }

    @Test
    void healthTheDocumentTheWebPageAndDownloadsAnswerAlikeInBothModes() {
        List<String> paths = List.of("/health", "/openapi.json", "/", "/index.html",
                "/downloads/student-backup-20250706/backups/none.json");
        List<String> byDefault;
        try (TestServer server = TestServer.start(defaultDir, Map.of())) {
            byDefault = answers(server, paths);
        }
        try (TestServer server = TestServer.start(awsDir, Map.of("UNKNOWN_ROUTES", "aws"))) {
            assertThat(answers(server, paths)).isEqualTo(byDefault);
        }
        assertThat(byDefault.get(0)).startsWith("200 ");
        assertThat(byDefault.get(1)).startsWith("200 ");
        assertThat(byDefault.get(2)).startsWith("200 ");
    }

    private static List<String> answers(TestServer server, List<String> paths) {
        return paths.stream().map(path -> {
            HttpResponse<String> answer = server.get(path, null);
            return answer.statusCode() + " " + answer.headers().firstValue("x-amzn-ErrorType").orElse("-") + " "
                    + answer.body().length();
        }).toList();
    }
}
