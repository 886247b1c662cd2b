package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class GetStudentDataHandlerTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    private LambdaComponents components;
    private GetStudentDataHandler handler;

    @BeforeEach
    void buildContainer() {
        components = LambdaComponents.fromEnvironment(AWS.provision());
        handler = new GetStudentDataHandler(components);
    }

    @AfterEach
    void closeContainer() {
        components.close();
    }

    @Test
    void anEmptyTableIsAnEmptyArrayWithJsonAndCorsHeaders() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("get-students.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("[]");
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Expose-Headers", "Retry-After,x-amzn-ErrorType,x-amzn-RequestId,ETag,Link");
    }

    @Test
    void listsEveryStudentOrderedByIdOnTheStudentsPathAndTheStageRoot() {
        var insert = new InsertStudentDataHandler(components);
        insert.handleRequest(ProxyEvents.load("post-stage-root-envelope.json"), null);
        insert.handleRequest(ProxyEvents.load("post-students-object.json"), null);

        String expected = "[{\"studentid\":\"SV001\",\"name\":\"Nguyễn Tri Bão Thắng\",\"class\":\"21DTHA1\","
                + "\"birthdate\":\"2003-02-28\",\"email\":\"thang@example.edu.vn\"},"
                + "{\"studentid\":\"SV002\",\"name\":\"Trần Thị Mai\",\"class\":\"CNTT1\","
                + "\"birthdate\":\"2004-11-05\",\"email\":\"mai@example.edu.vn\"}]";
        assertThat(handler.handleRequest(ProxyEvents.load("get-students.json"), null).getBody()).isEqualTo(expected);
        assertThat(handler.handleRequest(ProxyEvents.load("get-stage-root.json"), null).getBody()).isEqualTo(expected);
    }

    @Test
    void answersPreflightWithoutCallingTheFunction() {
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(ProxyEvents.load("options-students.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Allow-Methods", "GET,POST,OPTIONS")
                .containsEntry("Access-Control-Allow-Headers",
                        "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,If-Match")
                .containsEntry("Access-Control-Max-Age", "600");
    }

    @Test
    void aMissingTableIsServiceUnavailableWithItsCode() {
        var environment = AWS.provision();
        environment.put("TABLE_NAME", "gone_studentData");
        try (var gone = LambdaComponents.fromEnvironment(environment)) {
            APIGatewayProxyResponseEvent response = new GetStudentDataHandler(gone)
                    .handleRequest(ProxyEvents.load("get-students.json"), new RecordingContext());

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Service Unavailable: DynamoDB: cannot list "
                    + "student ids\",\"code\":\"SERVICE_UNAVAILABLE\"}");
            assertThat(response.getHeaders()).containsEntry("x-amzn-ErrorType", "ServiceUnavailableException")
                    .containsEntry("Access-Control-Allow-Origin", "*");
        }
    }

    @Test
    void echoesAnAllowedOriginWhenOriginsAreListed() {
        var environment = AWS.provision();
        environment.put("CORS_ALLOWED_ORIGINS", "https://d111111abcdef8.cloudfront.net, https://other.test");
        try (var listed = LambdaComponents.fromEnvironment(environment)) {
            APIGatewayProxyResponseEvent response = new GetStudentDataHandler(listed)
                    .handleRequest(ProxyEvents.load("get-students.json"), null);

            assertThat(response.getHeaders())
                    .containsEntry("Access-Control-Allow-Origin", "https://d111111abcdef8.cloudfront.net")
                    .containsEntry("Vary", "Origin");
        }
    }
}
