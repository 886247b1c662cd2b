package dev.studentapi.infra;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IResource;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The REST API {@code student}, stage {@code prod}: {@code GET|POST /students}, {@code POST /backup}, the stage
 * root {@code GET|POST /}, {@code GET|PUT|PATCH|DELETE /students/{studentid}}, {@code POST /students/import},
 * {@code GET /backups}, {@code GET /backups/{name}} and {@code POST /backups/{name}/restore} as proxy integrations
 * requiring an API key, OPTIONS answered without one, CORS headers on the 4XX and 5XX gateway responses (413 with
 * the data plane's own body), and the key {@code StudentApiKey} in the usage plan {@code StudentUsagePlan}.
 */
final class StudentRestApi extends Construct {

    static final String STAGE = "prod";
    static final String ALLOW_METHODS = "GET,POST,PUT,PATCH,DELETE,OPTIONS";
    static final String ALLOW_HEADERS =
            "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,If-Match";
    static final String EXPOSE_HEADERS = "Retry-After,x-amzn-ErrorType,x-amzn-RequestId,ETag,Link";
    /** The body of a request API Gateway refuses as larger than it or Lambda accepts, as the data plane words it. */
    static final String TOO_LARGE_BODY = "{\"message\":\"Request Entity Too Large\",\"code\":\"PAYLOAD_TOO_LARGE\"}";

    final RestApi api;
    final ApiKey key;
    final UsagePlan plan;

    StudentRestApi(Construct scope, String id, StudentFunctions functions, StackParameters parameters) {
        super(scope, id);
        api = RestApi.Builder.create(this, "Api").restApiName("student").cloudWatchRole(false)
                .description("Student Records API").deployOptions(StageOptions.builder().stageName(STAGE).build())
                .defaultMethodOptions(MethodOptions.builder().apiKeyRequired(true).build())
                .defaultCorsPreflightOptions(CorsOptions.builder().allowOrigins(List.of("*"))
                        .allowMethods(List.of(ALLOW_METHODS.split(",")))
                        .allowHeaders(List.of(ALLOW_HEADERS.split(","))).maxAge(Duration.seconds(600))
                        .statusCode(204).build())
                .build();
        route(api.getRoot(), functions.getStudentData, functions.insertStudentData);
        IResource students = api.getRoot().addResource("students");
        route(students, functions.getStudentData, functions.insertStudentData);
        api.getRoot().addResource("backup").addMethod("POST", new LambdaIntegration(functions.backup));
        IResource student = students.addResource("{studentid}");
        student.addMethod("GET", new LambdaIntegration(functions.getStudentData));
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            student.addMethod(method, new LambdaIntegration(functions.updateStudentData));
        }
        students.addResource("import").addMethod("POST", new LambdaIntegration(functions.importStudentData));
        IResource backups = api.getRoot().addResource("backups");
        backups.addMethod("GET", new LambdaIntegration(functions.listBackups));
        IResource backup = backups.addResource("{name}");
        backup.addMethod("GET", new LambdaIntegration(functions.listBackups));
        backup.addResource("restore").addMethod("POST", new LambdaIntegration(functions.restoreBackup));
        Map<String, String> cors = Map.of(
                "Access-Control-Allow-Origin", "'*'",
                "Access-Control-Allow-Headers", "'" + ALLOW_HEADERS + "'",
                "Access-Control-Allow-Methods", "'" + ALLOW_METHODS + "'",
                "Access-Control-Expose-Headers", "'" + EXPOSE_HEADERS + "'");
        api.addGatewayResponse("Default4xx", GatewayResponseOptions.builder().type(ResponseType.DEFAULT_4_XX)
                .responseHeaders(cors).build());
        api.addGatewayResponse("RequestTooLarge", GatewayResponseOptions.builder()
                .type(ResponseType.REQUEST_TOO_LARGE).statusCode("413").responseHeaders(cors)
                .templates(Map.of("application/json", TOO_LARGE_BODY)).build());
        api.addGatewayResponse("Default5xx", GatewayResponseOptions.builder().type(ResponseType.DEFAULT_5_XX)
                .responseHeaders(cors).build());

        key = ApiKey.Builder.create(this, "StudentApiKey").apiKeyName("StudentApiKey").enabled(true)
                .description("The key of the student web page and API clients").build();
        plan = UsagePlan.Builder.create(this, "StudentUsagePlan").name("StudentUsagePlan")
                .throttle(ThrottleSettings.builder().rateLimit(parameters.rateLimit.getValueAsNumber())
                        .burstLimit(parameters.burstLimit.getValueAsNumber()).build())
                .quota(QuotaSettings.builder().limit(parameters.quotaLimit.getValueAsNumber()).period(Period.DAY)
                        .build())
                .apiStages(List.of(UsagePlanPerApiStage.builder().api(api).stage(api.getDeploymentStage()).build()))
                .build();
        plan.addApiKey(key);
    }

    private static void route(IResource resource, IFunction list, IFunction insert) {
        resource.addMethod("GET", new LambdaIntegration(list));
        resource.addMethod("POST", new LambdaIntegration(insert));
    }

    /** The invoke URL without a trailing slash, as the web page expects it: {@code https://…/prod}. */
    String invokeUrl() {
        return Fn.join("", List.of("https://", api.getRestApiId(), ".execute-api.", Aws.REGION, ".",
                Aws.URL_SUFFIX, "/", STAGE));
    }
}
