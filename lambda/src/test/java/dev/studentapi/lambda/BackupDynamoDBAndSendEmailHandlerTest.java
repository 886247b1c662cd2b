package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupDynamoDBAndSendEmailHandlerTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    private Map<String, String> environment;
    private LambdaComponents components;
    private BackupDynamoDBAndSendEmailHandler handler;

    @BeforeEach
    void buildContainerWithTwoStudents() {
        environment = AWS.provision();
        components = LambdaComponents.fromEnvironment(environment);
        handler = new BackupDynamoDBAndSendEmailHandler(components);
        var insert = new InsertStudentDataHandler(components);
        insert.handleRequest(ProxyEvents.load("post-stage-root-envelope.json"), null);
        insert.handleRequest(ProxyEvents.load("post-students-object.json"), null);
    }

    @AfterEach
    void closeContainer() {
        components.close();
    }

    @Test
    void storesTheSnapshotAndMailsAWorkingDownloadLink() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("post-backup.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", "*");
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.path("message").asText()).isEqualTo("Backup and email sent successfully!");
        assertThat(body.path("code").asText()).isEqualTo("BACKUP_DONE");
        assertThat(body.path("bucket").asText()).isEqualTo(environment.get("S3_BUCKET_NAME"));
        assertThat(body.path("key").asText()).matches("backups/backup-\\d{8}-\\d{6}\\.json");
        assertThat(body.path("count").asLong()).isEqualTo(2);
        assertThat(Instant.parse(body.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));

        String stored = AWS.object(environment.get("S3_BUCKET_NAME"), body.path("key").asText());
        assertThat(stored).startsWith("[{\"studentid\":\"SV001\"").contains("{\"studentid\":\"SV002\"");
        assertThat(body.path("bytes").asLong()).isEqualTo(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        HttpResponse<String> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(body.path("downloadUrl").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(stored);
        assertThat(AWS.sentMail()).contains("Student Data Backup -> " + MotoAws.RECIPIENT);
    }

    @Test
    void runsTheSameBackupForASchedulerEventAndLogsTheOutcome() throws Exception {
        RecordingContext context = new RecordingContext();

        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("scheduler-event.json"),
                context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        String key = new ObjectMapper().readTree(response.getBody()).path("key").asText();
        assertThat(AWS.object(environment.get("S3_BUCKET_NAME"), key)).contains("SV001", "SV002");
        assertThat(context.logged).containsExactly("Scheduled backup finished with status 200");
    }

    @Nested
    class Failures {

        @Test
        void aRefusedNoticeKeepsTheBackupAndAnswers500WithItsKey() throws Exception {
            environment.put("SENDER_EMAIL", "stranger@unverified.test");
            try (var unverified = LambdaComponents.fromEnvironment(environment)) {
                APIGatewayProxyResponseEvent response = new BackupDynamoDBAndSendEmailHandler(unverified)
                        .handleRequest(ProxyEvents.load("post-backup.json"), null);

                assertThat(response.getStatusCode()).isEqualTo(500);
                JsonNode body = new ObjectMapper().readTree(response.getBody());
                assertThat(body.path("message").asText()).startsWith("Backup successful but email failed: "
                        + "Amazon SES refused the message: Email address not verified");
                assertThat(body.path("code").asText()).isEqualTo("BACKUP_MAIL_FAILED");
                assertThat(body.path("mailError").asText()).startsWith("Amazon SES refused the message");
                assertThat(AWS.object(environment.get("S3_BUCKET_NAME"), body.path("key").asText())).contains("SV001");
                assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
            }
        }

        @Test
        void aMissingBucketIsABackupFailure() {
            environment.put("S3_BUCKET_NAME", "no-such-bucket-here");
            try (var noBucket = LambdaComponents.fromEnvironment(environment)) {
                APIGatewayProxyResponseEvent response = new BackupDynamoDBAndSendEmailHandler(noBucket)
                        .handleRequest(ProxyEvents.load("post-backup.json"), null);

                assertThat(response.getStatusCode()).isEqualTo(500);
                assertThat(response.getBody()).startsWith("{\"message\":\"Backup failed: ")
                        .contains("\"code\":\"BACKUP_FAILED\"", "\"reason\":");
            }
        }
    }
}
