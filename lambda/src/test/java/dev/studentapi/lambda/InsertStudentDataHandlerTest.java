package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InsertStudentDataHandlerTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    private LambdaComponents components;
    private InsertStudentDataHandler handler;

    @BeforeEach
    void buildContainer() {
        components = LambdaComponents.fromEnvironment(AWS.provision());
        handler = new InsertStudentDataHandler(components);
    }

    @AfterEach
    void closeContainer() {
        components.close();
    }

    private APIGatewayProxyResponseEvent post(String fixture) {
        return handler.handleRequest(ProxyEvents.load(fixture), null);
    }

    @Test
    void savesTheStudentObjectAndMailsTheConfirmation() throws Exception {
        APIGatewayProxyResponseEvent response = post("post-students-object.json");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo("{\"message\":\"Student data saved and confirmation email sent!\","
                + "\"code\":\"STUDENT_SAVED\",\"student\":{\"studentid\":\"SV001\",\"name\":\"Nguyễn Tri Bão Thắng\","
                + "\"class\":\"21DTHA1\","
                + "\"birthdate\":\"2003-02-28\",\"email\":\"thang@example.edu.vn\"}}");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(AWS.sentMail()).contains("Student registration confirmed -> thang@example.edu.vn");
    }

    @Test
    void savesTheWebPagesEnvelopeOnTheStageRoot() {
        APIGatewayProxyResponseEvent response = post("post-stage-root-envelope.json");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"studentid\":\"SV002\"", "\"name\":\"Trần Thị Mai\"");
    }

    @Test
    void decodesABase64Body() {
        APIGatewayProxyResponseEvent response = post("post-students-base64.json");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"studentid\":\"SV003\"");
    }

    @Test
    void savesButReportsAConfirmationThatSesRefused() {
        var environment = AWS.provision();
        environment.put("SENDER_EMAIL", "stranger@unverified.test");
        try (var unverified = LambdaComponents.fromEnvironment(environment)) {
            APIGatewayProxyResponseEvent response = new InsertStudentDataHandler(unverified)
                    .handleRequest(ProxyEvents.load("post-students-object.json"), null);

            assertThat(response.getStatusCode()).isEqualTo(201);
            assertThat(response.getBody()).startsWith("{\"message\":\"Student data saved, but email to "
                    + "thang@example.edu.vn failed: Amazon SES refused the message: Email address not verified")
                    .contains("\"code\":\"STUDENT_SAVED_MAIL_FAILED\"", "\"mailError\":\"Amazon SES refused",
                            "\"student\":{\"studentid\":\"SV001\"");
        }
    }

    @Test
    void answersInVietnameseWhenTheLocaleSaysSo() {
        var environment = AWS.provision();
        environment.put("LOCALE", "vi");
        try (var vietnamese = LambdaComponents.fromEnvironment(environment)) {
            APIGatewayProxyResponseEvent response = new InsertStudentDataHandler(vietnamese)
                    .handleRequest(ProxyEvents.load("post-students-not-json.json"), null);

            assertThat(response.getBody()).isEqualTo(
                    "{\"message\":\"Dữ liệu gửi lên không hợp lệ.\",\"code\":\"INVALID_JSON\"}");
        }
    }

    @Test
    void aMissingTableIsServiceUnavailableWithItsCode() {
        var environment = AWS.provision();
        environment.put("TABLE_NAME", "gone_studentData");
        try (var gone = LambdaComponents.fromEnvironment(environment)) {
            APIGatewayProxyResponseEvent response = new InsertStudentDataHandler(gone)
                    .handleRequest(ProxyEvents.load("post-students-object.json"), null);

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Service Unavailable: DynamoDB: cannot insert "
                    + "a student\",\"code\":\"SERVICE_UNAVAILABLE\"}");
        }
    }

    @Nested
    class Refusals {

        @Test
        void aSecondInsertOfTheSameIdIsAConflict() {
            post("post-students-object.json");

            APIGatewayProxyResponseEvent response = post("post-students-object.json");

            assertThat(response.getStatusCode()).isEqualTo(409);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Student ID 'SV001' already exists.\","
                    + "\"code\":\"DUPLICATE_STUDENT_ID\"}");
            assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        }

        @Test
        void aBodyThatIsNotJsonIsInvalidData() {
            APIGatewayProxyResponseEvent response = post("post-students-not-json.json");

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Invalid data sent.\",\"code\":\"INVALID_JSON\"}");
        }

        @Test
        void aMissingFieldIsMissingInformation() {
            APIGatewayProxyResponseEvent response = post("post-students-missing-field.json");

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Missing required student information.\","
                    + "\"code\":\"VALIDATION_FAILED\","
                    + "\"errors\":{\"email\":{\"code\":\"REQUIRED\",\"message\":\"is required\"}}}");
        }

        /** The reference's object with one field replaced by raw JSON text. */
        private APIGatewayProxyResponseEvent postWith(String field, String jsonValue) {
            var event = ProxyEvents.load("post-students-object.json");
            String body = "{\"studentid\":\"SV009\",\"name\":\"Trần Thị B\",\"class\":\"CNTT1\","
                    + "\"birthdate\":\"2002-05-01\",\"email\":\"b@example.com\"}";
            event.setBody(body.replaceFirst("\"" + field + "\":\"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + jsonValue)));
            event.setIsBase64Encoded(false);
            return handler.handleRequest(event, null);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
                "email | \"a\\ud800@ex.com\"", "name | \"An\\u0000\"", "name | \"An\\u0085\"",
                "class | \"C\\u2066NTT\"", "name | \"\\udc00An\""})
        void hostileTextIsInvalidCharactersInThatFieldAndNothingIsStored(String field, String jsonValue) {
            APIGatewayProxyResponseEvent response = postWith(field, jsonValue);

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
            assertThat(response.getBody()).contains("\"code\":\"VALIDATION_FAILED\"",
                    "\"" + field + "\":{\"code\":\"INVALID_CHARACTERS\"");
            assertThat(postWith("name", "\"Trần Thị B\"").getStatusCode()).as("SV009 was not stored").isEqualTo(201);
        }

        @Test
        void aDecomposedVietnameseNameIsStoredInComposedForm() {
            String decomposed = java.text.Normalizer.normalize("Nguyễn Thắng", java.text.Normalizer.Form.NFD);

            APIGatewayProxyResponseEvent response = postWith("name", "\"" + decomposed + "\"");

            assertThat(response.getStatusCode()).isEqualTo(201);
            assertThat(response.getBody()).contains("\"name\":\"Nguyễn Thắng\"").doesNotContain(decomposed);
        }

        @Test
        void aBodyMarkedBase64ThatIsNotIsInvalidDataNotAFailure() {
            var event = ProxyEvents.load("post-students-object.json");
            event.setBody("not base64 at all!");
            event.setIsBase64Encoded(true);

            APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Invalid data sent.\",\"code\":\"INVALID_JSON\"}");
        }

        @Test
        void anImpossibleDateNamesTheField() {
            APIGatewayProxyResponseEvent response = post("post-students-bad-birthdate.json");

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("{\"message\":\"Invalid student information: birthdate must "
                    + "be a real date YYYY-MM-DD\",\"code\":\"VALIDATION_FAILED\",\"errors\":{\"birthdate\":"
                    + "{\"code\":\"INVALID_DATE\",\"message\":\"must be a real date YYYY-MM-DD\"}}}");
        }
    }
}
