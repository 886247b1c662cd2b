package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.student.Student;
import dev.studentapi.dynamodb.DynamoDbStudentStore;
import dev.studentapi.dynamodb.DynamoDbTables;
import dev.studentapi.ses.SesMailer;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warms a function container before SnapStart takes its snapshot (a CRaC {@link Resource}), so that a restored
 * container answers its first request without loading and compiling the request path first. It runs the handlers
 * on requests answered before any store is reached (a body that fails validation, a malformed id, a preflight)
 * for JSON, validation and the replies, and the student store and the SES mailer over clients of their own whose
 * every request is stopped before it is sent, for the SDK's marshalling, signing and interceptors. Nothing is
 * read, written or sent, and a failure while priming never stops the snapshot.
 */
final class SnapStartPriming implements Resource {

    private final LambdaComponents components;

    SnapStartPriming(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        List<Integer> statuses = prime();
        System.out.println("Student Records API: primed for the snapshot in "
                + (System.nanoTime() - started) / 1_000_000 + " ms (answers " + statuses + ")");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // the clients hold no connection across the snapshot (URL connections are opened per request)
    }

    /** Runs every priming request once; the statuses the handlers answered, in order. */
    List<Integer> prime() {
        List<Integer> statuses = new ArrayList<>();
        try {
            statuses.add(answer(new InsertStudentDataHandler(components),
                    request("POST", "/students", Map.of(), "{\"studentid\":\"\",\"name\":\"Priming\"}")));
            statuses.add(answer(new InsertStudentDataHandler(components),
                    request("POST", "/students", Map.of(), "not json")));
            statuses.add(answer(new GetStudentDataHandler(components),
                    request("GET", "/students/{studentid}", Map.of("studentid", "not a stored id"), null)));
            statuses.add(answer(new UpdateStudentDataHandler(components),
                    request("PUT", "/students/{studentid}", Map.of("studentid", "not a stored id"), "{}")));
            statuses.add(answer(new GetStudentDataHandler(components),
                    request("OPTIONS", "/students", Map.of(), null)));
            primeStoreAndMailer();
        } catch (RuntimeException e) {
            System.out.println("Student Records API: priming stopped early: " + e);
        }
        return statuses;
    }

    private static int answer(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                              APIGatewayProxyRequestEvent request) {
        return handler.handleRequest(request, null).getStatusCode();
    }

    private static APIGatewayProxyRequestEvent request(String method, String resource, Map<String, String> path,
                                                       String body) {
        String concrete = path.isEmpty() ? resource : "/students/" + path.get("studentid");
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource).withPath(concrete)
                .withPathParameters(path.isEmpty() ? null : path)
                .withHeaders(Map.of("Content-Type", "application/json", "Origin", "https://priming.invalid"))
                .withBody(body).withIsBase64Encoded(false);
    }

    /** The store's writes and reads and the mailer's send, each stopped by the client before it is sent. */
    private void primeStoreAndMailer() {
        Region region = Region.of(components.settings().aws().region());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new NeverSend())).build();
             SesV2Client ses = SesV2Client.builder().region(region).credentialsProvider(credentials)
                     .httpClientBuilder(UrlConnectionHttpClient.builder())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(new NeverSend())).build()) {
            DynamoDbStudentStore store = new DynamoDbStudentStore(new DynamoDbTables(dynamoDb,
                    LambdaComponents.tablePrefix(components.settings().tableName())));
            Student student = new Student("SV-PRIMING", "Priming", "PRIMING", "2000-01-01", "priming@example.invalid");
            stopped(() -> store.insert(student));
            stopped(() -> store.find(student.studentId()));
            stopped(store::listAll);
            try {
                new SesMailer(ses).send(new EmailMessage("priming@example.invalid", "priming@example.invalid",
                        "Priming", "text", "<p>html</p>"));
            } catch (MailFailure | RuntimeException expected) {
                // the request was stopped before it was sent
            }
        }
    }

    private static void stopped(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // the request was stopped before it was sent
        }
    }

    /** Stops every request of a priming client once it is marshalled and signed, before it is transmitted. */
    private static final class NeverSend implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                                       ExecutionAttributes attributes) {
            throw SdkClientException.create("a priming request is never sent");
        }
    }
}
