package dev.studentapi.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RestApiTest {

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedStack.template();
    }

    @Test
    void theApiIsStudentWithStageProd() {
        template.hasResourceProperties("AWS::ApiGateway::RestApi", Match.objectLike(Map.of("Name", "student")));
        template.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of("StageName", "prod")));
        template.resourceCountIs("AWS::ApiGateway::Account", 0);
    }

    @Test
    void everyMethodButOptionsRequiresAKeyAndIsAProxyIntegration() {
        Map<String, Map<String, Object>> methods = template.findResources("AWS::ApiGateway::Method");
        List<Map<String, Object>> keyed = methods.values().stream().map(RestApiTest::props)
                .filter(p -> !"OPTIONS".equals(p.get("HttpMethod"))).toList();
        assertThat(keyed).extracting(p -> p.get("HttpMethod"))
                .containsExactlyInAnyOrder("GET", "POST", "GET", "POST", "POST", "GET", "PUT", "PATCH", "DELETE",
                        "POST", "GET", "GET", "POST");
        assertThat(keyed).allSatisfy(p -> {
            assertThat(p.get("ApiKeyRequired")).isEqualTo(true);
            assertThat(((Map<?, ?>) p.get("Integration")).get("Type")).isEqualTo("AWS_PROXY");
        });
        List<Map<String, Object>> preflights = methods.values().stream().map(RestApiTest::props)
                .filter(p -> "OPTIONS".equals(p.get("HttpMethod"))).toList();
        assertThat(preflights).hasSize(8).allSatisfy(p -> {
            assertThat(p.get("ApiKeyRequired")).isNotEqualTo(true);
            assertThat(p.get("AuthorizationType")).isEqualTo("NONE");
        });
    }

    @Test
    void routesStudentsBackupAndTheStageRootToTheFunctionAliases() {
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "students",
                "ParentId", Match.anyValue(), "RestApiId", Match.anyValue()));
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "backup",
                "ParentId", Match.anyValue(), "RestApiId", Match.anyValue()));
        String rootResource = "{\"Fn::GetAtt\":[\"" + SynthesizedStack.onlyId("AWS::ApiGateway::RestApi")
                + "\",\"RootResourceId\"]}";
        Map<String, Map<String, Object>> onRoot = template.findResources("AWS::ApiGateway::Method", Map.of(
                "Properties", Match.objectLike(Map.of("ResourceId", Match.objectLike(Map.of("Fn::GetAtt",
                        List.of(SynthesizedStack.onlyId("AWS::ApiGateway::RestApi"), "RootResourceId")))))));
        assertThat(onRoot.values()).as(rootResource).extracting(m -> props(m).get("HttpMethod")).containsExactlyInAnyOrder("GET", "POST", "OPTIONS");
        String json = template.toJSON().toString();
        for (String function : List.of("getStudentData", "insertStudentData", "BackupDynamoDBAndSendEmail")) {
            assertThat(json).contains(SynthesizedStack.aliasId(function));
        }
    }

    @Test
    void preflightAllowsTheServersMethodsAndHeaders() {
        template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of("HttpMethod", "OPTIONS",
                "Integration", Match.objectLike(Map.of("Type", "MOCK", "IntegrationResponses", List.of(
                        Match.objectLike(Map.of("StatusCode", "204", "ResponseParameters", Map.of(
                                "method.response.header.Access-Control-Allow-Headers",
                                "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,If-Match'",
                                "method.response.header.Access-Control-Allow-Origin", "'*'",
                                "method.response.header.Access-Control-Allow-Methods", "'GET,POST,PUT,PATCH,DELETE,OPTIONS'",
                                "method.response.header.Access-Control-Max-Age", "'600'")))))))));
    }

    @Test
    void gatewayErrorsCarryCorsHeaders() {
        for (String type : List.of("DEFAULT_4XX", "DEFAULT_5XX", "REQUEST_TOO_LARGE")) {
            template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Match.objectLike(Map.of(
                    "ResponseType", type, "ResponseParameters", Map.of(
                            "gatewayresponse.header.Access-Control-Allow-Origin", "'*'",
                            "gatewayresponse.header.Access-Control-Allow-Headers",
                            "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,If-Match'",
                            "gatewayresponse.header.Access-Control-Allow-Methods", "'GET,POST,PUT,PATCH,DELETE,OPTIONS'",
                            "gatewayresponse.header.Access-Control-Expose-Headers",
                            "'Retry-After,x-amzn-ErrorType,x-amzn-RequestId,ETag,Link'"))));
        }
    }

    @Test
    void routesTheRecordsAndBackupRoutesToTheirFunctions() {
        assertThat(methodsOn("{studentid}")).isEqualTo(Map.of("GET", "getStudentData", "PUT", "updateStudentData",
                "PATCH", "updateStudentData", "DELETE", "updateStudentData"));
        assertThat(methodsOn("import")).isEqualTo(Map.of("POST", "importStudentData"));
        assertThat(methodsOn("backups")).isEqualTo(Map.of("GET", "listBackups"));
        assertThat(methodsOn("{name}")).isEqualTo(Map.of("GET", "listBackups"));
        assertThat(methodsOn("restore")).isEqualTo(Map.of("POST", "restoreBackup"));
    }

    @Test
    void aRequestTooLargeForLambdaIsA413WithTheDataPlanesCode() {
        template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Match.objectLike(Map.of(
                "ResponseType", "REQUEST_TOO_LARGE", "StatusCode", "413", "ResponseTemplates", Map.of(
                        "application/json",
                        "{\"message\":\"Request Entity Too Large\",\"code\":\"PAYLOAD_TOO_LARGE\"}"))));
    }

    @Test
    void theKeyIsInTheUsagePlanOfStageProdWithTheParameterisedLimits() {
        template.hasResourceProperties("AWS::ApiGateway::ApiKey", Match.objectLike(Map.of("Name", "StudentApiKey",
                "Enabled", true)));
        template.hasResourceProperties("AWS::ApiGateway::UsagePlan", Match.objectLike(Map.of(
                "UsagePlanName", "StudentUsagePlan",
                "Throttle", Map.of("RateLimit", Map.of("Ref", "RateLimit"), "BurstLimit", Map.of("Ref", "BurstLimit")),
                "Quota", Map.of("Limit", Map.of("Ref", "QuotaLimit"), "Period", "DAY"),
                "ApiStages", List.of(Match.objectLike(Map.of(
                        "ApiId", Map.of("Ref", SynthesizedStack.onlyId("AWS::ApiGateway::RestApi")),
                        "Stage", Map.of("Ref", SynthesizedStack.onlyId("AWS::ApiGateway::Stage"))))))));
        template.hasResourceProperties("AWS::ApiGateway::UsagePlanKey", Map.of("KeyType", "API_KEY",
                "KeyId", Map.of("Ref", SynthesizedStack.onlyId("AWS::ApiGateway::ApiKey")),
                "UsagePlanId", Map.of("Ref", SynthesizedStack.onlyId("AWS::ApiGateway::UsagePlan"))));
        template.hasParameter("RateLimit", Map.of("Type", "Number", "Default", 5, "MinValue", 0,
                "Description", Match.anyValue()));
        template.hasParameter("BurstLimit", Match.objectLike(Map.of("Type", "Number", "Default", 10)));
        template.hasParameter("QuotaLimit", Match.objectLike(Map.of("Type", "Number", "Default", 1000)));
    }

    @Test
    void outputsTheInvokeUrlTheKeyIdAndHowToRevealItsValue() {
        String api = SynthesizedStack.onlyId("AWS::ApiGateway::RestApi");
        String key = SynthesizedStack.onlyId("AWS::ApiGateway::ApiKey");
        template.hasOutput("InvokeUrl", Match.objectLike(Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "https://", Map.of("Ref", api), ".execute-api.", Map.of("Ref", "AWS::Region"), ".",
                Map.of("Ref", "AWS::URLSuffix"), "/prod"))))));
        template.hasOutput("ApiKeyId", Match.objectLike(Map.of("Value", Map.of("Ref", key))));
        template.hasOutput("ApiKeyValueCommand", Match.objectLike(Map.of("Value", Map.of("Fn::Join", List.of("",
                List.of("aws apigateway get-api-key --api-key ", Map.of("Ref", key),
                        " --include-value --query value --output text --region ", Map.of("Ref", "AWS::Region")))))));
        assertThat(template.toJSON().toString()).doesNotContain("Fn::GetAtt=[" + key + ", Value]")
                .doesNotContain("\"" + key + "\",\"Value\"");
    }

    /** The keyed methods on the one resource {@code pathPart}, each with the function its integration invokes. */
    private static Map<String, String> methodsOn(String pathPart) {
        Map<String, Map<String, Object>> resources = template.findResources("AWS::ApiGateway::Resource",
                Map.of("Properties", Match.objectLike(Map.of("PathPart", pathPart))));
        assertThat(resources).as(pathPart).hasSize(1);
        String resource = resources.keySet().iterator().next();
        Map<String, String> methods = new java.util.TreeMap<>();
        template.findResources("AWS::ApiGateway::Method", Map.of("Properties", Match.objectLike(Map.of(
                "ResourceId", Map.of("Ref", resource))))).values().forEach(method -> {
                    Map<String, Object> p = props(method);
                    if (!"OPTIONS".equals(p.get("HttpMethod"))) {
                        String uri = String.valueOf(((Map<?, ?>) p.get("Integration")).get("Uri"));
                        String function = List.of("getStudentData", "updateStudentData", "importStudentData",
                                "listBackups", "restoreBackup").stream()
                                .filter(name -> uri.contains(SynthesizedStack.aliasId(name))).findFirst()
                                .orElse(uri);
                        methods.put((String) p.get("HttpMethod"), function);
                    }
                });
        return methods;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
