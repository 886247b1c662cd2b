package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportStudentDataHandlerTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    private static final String CSV = "email,studentid,name,class,birthdate\r\n"
            + "an@example.edu.vn,SV010,Trần Văn An,CNTT1,2003-01-02\r\n"
            + "binh@example.edu.vn,SV011,Lê Bình,CNTT1,2003-03-04\r\n";

    private LambdaComponents components;
    private ImportStudentDataHandler handler;

    @BeforeEach
    void buildContainer() {
        components = LambdaComponents.fromEnvironment(AWS.provision());
        handler = new ImportStudentDataHandler(components);
    }

    @AfterEach
    void closeContainer() {
        components.close();
    }

    private static APIGatewayProxyRequestEvent post(String contentType, String body, Map<String, String> query) {
        APIGatewayProxyRequestEvent event = Requests.event("POST", "/students/import", "/students/import")
                .withBody(body).withQueryStringParameters(query.isEmpty() ? null : query);
        return Requests.withHeader(event, "Content-Type", contentType);
    }

    private String stored() {
        return new GetStudentDataHandler(components).handleRequest(Requests.list(Map.of()), null).getBody();
    }

    @Test
    void importsACsvWithColumnsInAnyOrderAndMailsOneSummary() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(post("text/csv", CSV, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"code\":\"IMPORT_DONE\"", "\"inserted\":2", "\"replaced\":0",
                "\"skipped\":0");
        assertThat(stored()).contains("\"SV010\"", "\"name\":\"Trần Văn An\"", "\"SV011\"");
        assertThat(AWS.sentMail()).contains("Student import finished -> " + MotoAws.RECIPIENT)
                .noneMatch(mail -> mail.endsWith("an@example.edu.vn"));
    }

    @Test
    void importsAJsonArraySentInBase64() {
        String json = "[{\"studentid\":\"SV020\",\"name\":\"Mai\",\"class\":\"CNTT1\",\"birthdate\":\"2004-11-05\","
                + "\"email\":\"mai@example.edu.vn\"}]";
        APIGatewayProxyRequestEvent event = post("application/json",
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)), Map.of())
                .withIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(stored()).contains("\"SV020\"");
    }

    @Test
    void aFileWithAnInvalidRowStoresNothingAndNamesTheRow() {
        String invalid = CSV + "c@example.edu.vn,SV012,Cường,CNTT1,2003-02-30\r\n";

        APIGatewayProxyResponseEvent response = handler.handleRequest(post("text/csv", invalid, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"code\":\"IMPORT_INVALID\"", "\"row\":3", "\"field\":\"birthdate\"",
                "\"totalErrors\":1");
        assertThat(stored()).isEqualTo("[]");
    }

    @Test
    void aDryRunChecksAndStoresNothing() {
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(post("text/csv", CSV, Map.of("dryRun", "true")), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"dryRun\":true", "\"inserted\":2");
        assertThat(stored()).isEqualTo("[]");
    }

    @Test
    void skipKeepsTheStoredStudentAndReplaceOverwritesIt() {
        handler.handleRequest(post("text/csv", CSV, Map.of()), null);
        String changed = CSV.replace("Trần Văn An", "Trần Văn Ân");

        APIGatewayProxyResponseEvent failed = handler.handleRequest(post("text/csv", changed, Map.of()), null);
        APIGatewayProxyResponseEvent skipped =
                handler.handleRequest(post("text/csv", changed, Map.of("onConflict", "skip")), null);
        String afterSkip = stored();
        APIGatewayProxyResponseEvent replaced =
                handler.handleRequest(post("text/csv", changed, Map.of("onConflict", "replace")), null);

        assertThat(failed.getStatusCode()).isEqualTo(400);
        assertThat(failed.getBody()).contains("\"code\":\"DUPLICATE_STUDENT_ID\"");
        assertThat(skipped.getBody()).contains("\"inserted\":0", "\"skipped\":2");
        assertThat(afterSkip).contains("Trần Văn An");
        assertThat(replaced.getBody()).contains("\"replaced\":2");
        assertThat(stored()).contains("Trần Văn Ân");
    }

    @Test
    void aBodyAboveLambdasSixMegabytesIsPayloadTooLarge() {
        StringBuilder big = new StringBuilder("studentid,name,class,birthdate,email\r\n");
        for (int i = 0; big.length() <= LambdaLimits.REQUEST_BYTES; i++) {
            big.append(String.format("SV%07d,Student %d,CNTT1,2003-01-02,s%d@example.edu.vn\r\n", i, i, i));
        }

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(post("text/csv", big.toString(), Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(response.getBody())
                .isEqualTo("{\"message\":\"Request Entity Too Large\",\"code\":\"PAYLOAD_TOO_LARGE\"}");
        assertThat(stored()).isEqualTo("[]");
    }

    @Test
    void anotherBodyTypeIsUnsupported() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(post("text/plain", CSV, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(response.getBody()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
    }
}
