package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupRouteHandlersTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, String> environment;
    private LambdaComponents components;
    private String backup;

    @BeforeEach
    void backUpTwoStudents() throws Exception {
        environment = AWS.provision();
        components = LambdaComponents.fromEnvironment(environment);
        var insert = new InsertStudentDataHandler(components);
        insert.handleRequest(ProxyEvents.load("post-stage-root-envelope.json"), null);
        insert.handleRequest(ProxyEvents.load("post-students-object.json"), null);
        APIGatewayProxyResponseEvent done = new BackupDynamoDBAndSendEmailHandler(components)
                .handleRequest(ProxyEvents.load("post-backup.json"), null);
        backup = JSON.readTree(done.getBody()).path("key").asText().substring("backups/".length());
    }

    @AfterEach
    void closeContainer() {
        components.close();
    }

    private APIGatewayProxyResponseEvent list(Map<String, String> query) {
        return new ListBackupsHandler(components).handleRequest(Requests.event("GET", "/backups", "/backups")
                .withQueryStringParameters(query.isEmpty() ? null : query), null);
    }

    private APIGatewayProxyResponseEvent details(String name) {
        return new ListBackupsHandler(components).handleRequest(Requests.event("GET", "/backups/{name}",
                "/backups/" + name).withPathParameters(Map.of("name", name)), null);
    }

    private APIGatewayProxyResponseEvent restore(String name, Map<String, String> query) {
        APIGatewayProxyRequestEvent event = Requests.event("POST", "/backups/{name}/restore",
                "/backups/" + name + "/restore").withPathParameters(Map.of("name", name))
                .withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query));
        return new RestoreBackupHandler(components).handleRequest(event, null);
    }

    private String students() {
        return new GetStudentDataHandler(components).handleRequest(Requests.list(Map.of()), null).getBody();
    }

    private void deleteSv001AndInsertSv003() {
        new UpdateStudentDataHandler(components).handleRequest(Requests.student("DELETE", "SV001"), null);
        new InsertStudentDataHandler(components).handleRequest(ProxyEvents.load("post-students-base64.json"), null);
    }

    @Test
    void listsTheBackupWithItsCountAndBytes() throws Exception {
        APIGatewayProxyResponseEvent response = list(Map.of());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode first = JSON.readTree(response.getBody()).path("backups").path(0);
        assertThat(first.path("name").asText()).isEqualTo(backup);
        assertThat(first.path("count").asLong()).isEqualTo(2);
        assertThat(first.path("bytes").asLong()).isPositive();
    }

    @Test
    void givesTheDetailsWithAFreshWorkingLinkAndNotFoundForAnotherName() throws Exception {
        APIGatewayProxyResponseEvent response = details(backup);

        assertThat(response.getStatusCode()).isEqualTo(200);
        String link = JSON.readTree(response.getBody()).path("downloadUrl").asText();
        HttpResponse<String> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.body()).startsWith("[{\"studentid\":\"SV001\"");
        assertThat(details("backup-19990101-000000.json").getStatusCode()).isEqualTo(404);
    }

    @Test
    void aMergeRestoreInsertsWhatIsMissingAndNamesTheSafetyBackup() throws Exception {
        deleteSv001AndInsertSv003();

        APIGatewayProxyResponseEvent response = restore(backup, Map.of("mode", "merge"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.path("code").asText()).isEqualTo("BACKUP_RESTORED");
        assertThat(body.path("inserted").asLong()).isEqualTo(1);
        assertThat(body.path("skipped").asLong()).isEqualTo(1);
        assertThat(body.path("safetyBackup").asText()).endsWith("-before-restore.json");
        assertThat(students()).contains("\"SV001\"", "\"SV002\"", "\"SV003\"");
        assertThat(AWS.object(environment.get("S3_BUCKET_NAME"), "backups/" + body.path("safetyBackup").asText()))
                .contains("\"SV003\"").doesNotContain("\"SV001\"");
    }

    @Test
    void aReplaceRestoreNeedsTheConfirmationThenMakesTheTableTheBackup() throws Exception {
        deleteSv001AndInsertSv003();
        String before = students();

        APIGatewayProxyResponseEvent unconfirmed = restore(backup, Map.of("mode", "replace"));
        assertThat(unconfirmed.getStatusCode()).isEqualTo(400);
        assertThat(unconfirmed.getBody()).contains("\"code\":\"CONFIRMATION_REQUIRED\"");
        assertThat(students()).isEqualTo(before);

        APIGatewayProxyResponseEvent replaced = restore(backup, Map.of("mode", "replace", "confirm", backup));

        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(students()).contains("\"SV001\"", "\"SV002\"").doesNotContain("\"SV003\"");
    }

    @Test
    void aForeignFileIsRefusedWithNothingChanged() throws Exception {
        AWS.put(environment.get("S3_BUCKET_NAME"), "backups/foreign.json", "{\"not\":\"a backup\"}");
        deleteSv001AndInsertSv003();
        String before = students();

        APIGatewayProxyResponseEvent response = restore("foreign.json", Map.of("mode", "replace",
                "confirm", "foreign.json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"code\":\"INVALID_BACKUP\"");
        assertThat(students()).isEqualTo(before);
        assertThat(restore("gone.json", Map.of()).getStatusCode()).isEqualTo(404);
    }
}
