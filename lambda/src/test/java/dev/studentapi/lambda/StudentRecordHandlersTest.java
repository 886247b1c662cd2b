package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudentRecordHandlersTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    private static final String SV001 = "{\"studentid\":\"SV001\",\"name\":\"Nguyễn Tri Bão Thắng\",\"class\":\"21DTHA1\","
            + "\"birthdate\":\"2003-02-28\",\"email\":\"thang@example.edu.vn\"}";

    private LambdaComponents components;
    private GetStudentDataHandler get;
    private UpdateStudentDataHandler update;

    @BeforeEach
    void buildContainer() {
        components = LambdaComponents.fromEnvironment(AWS.provision());
        get = new GetStudentDataHandler(components);
        update = new UpdateStudentDataHandler(components);
        new InsertStudentDataHandler(components).handleRequest(ProxyEvents.load("post-students-object.json"), null);
    }

    @AfterEach
    void closeContainer() {
        components.close();
    }

    private APIGatewayProxyResponseEvent read(String id) {
        return get.handleRequest(Requests.student("GET", id), null);
    }

    private APIGatewayProxyResponseEvent change(String method, String id, String body, String ifMatch) {
        APIGatewayProxyRequestEvent event = Requests.student(method, id).withBody(body);
        if (ifMatch != null) {
            Requests.withHeader(event, "If-Match", ifMatch);
        }
        return update.handleRequest(event, null);
    }

    @Test
    void readsOneStudentWithItsETag() {
        APIGatewayProxyResponseEvent response = read("SV001");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(SV001);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", "*").containsKey("ETag");
        assertThat(response.getHeaders().get("ETag")).matches("\"[0-9a-f]{16}\"");
    }

    @Test
    void anAbsentStudentIsNotFoundWithItsCode() {
        APIGatewayProxyResponseEvent response = read("SV404");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody())
                .isEqualTo("{\"message\":\"Student 'SV404' not found.\",\"code\":\"STUDENT_NOT_FOUND\"}");
    }

    @Test
    void replacesWithTheCurrentETagAndRefusesAStaleOne() {
        String tag = read("SV001").getHeaders().get("ETag");
        String renamed = "{\"name\":\"Trần Văn An\",\"class\":\"CNTT1\",\"birthdate\":\"2003-02-28\","
                + "\"email\":\"an@example.edu.vn\"}";

        APIGatewayProxyResponseEvent replaced = change("PUT", "SV001", renamed, tag);
        APIGatewayProxyResponseEvent stale = change("PUT", "SV001", renamed, tag);

        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(replaced.getBody()).contains("\"name\":\"Trần Văn An\"", "\"studentid\":\"SV001\"");
        assertThat(replaced.getHeaders().get("ETag")).isNotEqualTo(tag).isEqualTo(read("SV001").getHeaders().get("ETag"));
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(stale.getBody()).contains("\"code\":\"PRECONDITION_FAILED\"");
    }

    @Test
    void aPutWhoseIdDiffersFromThePathIsRefused() {
        APIGatewayProxyResponseEvent response = change("PUT", "SV001", SV001.replace("SV001", "SV002"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"code\":\"VALIDATION_FAILED\"", "\"studentid\"");
        assertThat(read("SV001").getBody()).isEqualTo(SV001);
    }

    @Test
    void patchesOneFieldInTheWebPagesEnvelope() {
        APIGatewayProxyResponseEvent response =
                change("PATCH", "SV001", "{\"body\":\"{\\\"class\\\":\\\"CNTT2\\\"}\"}", null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(SV001.replace("21DTHA1", "CNTT2"));
    }

    @Test
    void deletesOnceThenFindsNothing() {
        APIGatewayProxyResponseEvent deleted = change("DELETE", "SV001", null, null);
        APIGatewayProxyResponseEvent again = change("DELETE", "SV001", null, null);

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(deleted.getBody()).isEmpty();
        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(read("SV001").getStatusCode()).isEqualTo(404);
    }

    @Test
    void ofTwentyUpdatesWithTheSameETagOneWinsAndNineteenAreRefused() throws Exception {
        String tag = read("SV001").getHeaders().get("ETag");

        List<Integer> statuses = Race.run(20, thread -> change("PATCH", "SV001",
                "{\"name\":\"Writer " + thread + "\"}", tag).getStatusCode());

        assertThat(statuses).containsOnlyOnce(200).filteredOn(status -> status == 412).hasSize(19);
    }

    @Test
    void ofTwentyDeletesWithTheSameETagOneWinsAndNineteenAreRefused() throws Exception {
        String tag = read("SV001").getHeaders().get("ETag");

        List<Integer> statuses = Race.run(20, thread -> change("DELETE", "SV001", null, tag).getStatusCode());

        assertThat(statuses).containsOnlyOnce(204).filteredOn(status -> status == 412).hasSize(19);
    }

    @Test
    void answersThePreflightOfOneStudentWithItsMethods() {
        APIGatewayProxyResponseEvent response = update.handleRequest(Requests.student("OPTIONS", "SV001"), null);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Methods", "GET,PUT,PATCH,DELETE,OPTIONS")
                .containsEntry("Access-Control-Allow-Headers", "Content-Type,X-Amz-Date,Authorization,X-Api-Key,"
                        + "X-Amz-Security-Token,If-Match");
    }

    @Nested
    class Listings {

        @BeforeEach
        void moreStudents() {
            var insert = new InsertStudentDataHandler(components);
            insert.handleRequest(ProxyEvents.load("post-stage-root-envelope.json"), null);
            insert.handleRequest(ProxyEvents.load("post-students-base64.json"), null);
        }

        private String cursorOf(APIGatewayProxyResponseEvent page) {
            String link = page.getHeaders().get("Link");
            assertThat(link).startsWith("</prod/students?limit=2&cursor=").endsWith(">; rel=\"next\"");
            return link.substring(link.indexOf("cursor=") + 7, link.indexOf('>'));
        }

        @Test
        void pagesByKeyWithANextLinkUntilTheLastPage() {
            APIGatewayProxyResponseEvent first = get.handleRequest(Requests.list(Map.of("limit", "2")), null);
            APIGatewayProxyResponseEvent second = get.handleRequest(
                    Requests.list(Map.of("limit", "2", "cursor", cursorOf(first))), null);

            assertThat(first.getStatusCode()).isEqualTo(200);
            assertThat(first.getBody()).contains("\"SV001\"", "\"SV002\"").doesNotContain("\"SV003\"");
            assertThat(second.getBody()).contains("\"SV003\"").doesNotContain("\"SV001\"");
            assertThat(second.getHeaders()).doesNotContainKey("Link");
        }

        @Test
        void aTamperedCursorIsRefused() {
            String cursor = cursorOf(get.handleRequest(Requests.list(Map.of("limit", "2")), null));
            String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

            APIGatewayProxyResponseEvent response =
                    get.handleRequest(Requests.list(Map.of("limit", "2", "cursor", tampered)), null);

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).contains("\"code\":\"INVALID_CURSOR\"");
        }

        @Test
        void aCursorOfOneContainerContinuesInAnotherOfTheSameDeployment() {
            Map<String, String> environment = AWS.provision();
            environment.put("PAGE_CURSOR_SECRET", "one-secret-of-this-deployment");
            try (var first = LambdaComponents.fromEnvironment(environment);
                 var second = LambdaComponents.fromEnvironment(environment)) {
                var insert = new InsertStudentDataHandler(first);
                insert.handleRequest(ProxyEvents.load("post-students-object.json"), null);
                insert.handleRequest(ProxyEvents.load("post-stage-root-envelope.json"), null);
                insert.handleRequest(ProxyEvents.load("post-students-base64.json"), null);

                String cursor = cursorOf(new GetStudentDataHandler(first)
                        .handleRequest(Requests.list(Map.of("limit", "2")), null));
                APIGatewayProxyResponseEvent next = new GetStudentDataHandler(second)
                        .handleRequest(Requests.list(Map.of("limit", "2", "cursor", cursor)), null);

                assertThat(next.getStatusCode()).isEqualTo(200);
                assertThat(next.getBody()).contains("\"SV003\"");
            }
        }

        @Test
        void filtersByClassAndAccentInsensitiveText() {
            assertThat(get.handleRequest(Requests.list(Map.of("class", "CNTT1")), null).getBody())
                    .contains("\"SV002\"").doesNotContain("\"SV001\"");
            assertThat(get.handleRequest(Requests.list(Map.of("q", "thang")), null).getBody())
                    .contains("\"SV001\"").doesNotContain("\"SV002\"");
        }

        @Test
        void exportsCsvByFormatAndByAccept() {
            APIGatewayProxyResponseEvent byFormat = get.handleRequest(Requests.list(Map.of("format", "csv")), null);
            APIGatewayProxyResponseEvent byAccept = get.handleRequest(
                    Requests.withHeader(Requests.list(Map.of()), "Accept", "text/csv"), null);

            assertThat(byFormat.getStatusCode()).isEqualTo(200);
            assertThat(byFormat.getHeaders()).containsEntry("Content-Type", "text/csv; charset=utf-8")
                    .containsEntry("Access-Control-Allow-Origin", "*");
            assertThat(byFormat.getBody()).startsWith("studentid,name,class,birthdate,email\r\n"
                    + "SV001,Nguyễn Tri Bão Thắng,21DTHA1,2003-02-28,thang@example.edu.vn\r\n");
            assertThat(byAccept.getBody()).isEqualTo(byFormat.getBody());
        }

        @Test
        void withoutParametersTheReferenceListStays() {
            APIGatewayProxyResponseEvent response = get.handleRequest(Requests.list(Map.of()), null);

            assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
            assertThat(response.getBody()).startsWith("[" + SV001 + ",");
        }
    }
}
