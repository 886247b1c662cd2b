package dev.studentapi.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.aws.AwsAccess;
import dev.studentapi.dynamodb.DynamoDbClients;
import dev.studentapi.dynamodb.DynamoDbTables;
import dev.studentapi.s3.S3Connection;
import dev.studentapi.ses.SesMailer;
import dev.studentapi.testkit.MotoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One moto_server for DynamoDB, S3 and SES per test run (register as a static extension field), with what the
 * stack would have created in AWS: {@link #provision()} makes a fresh table, bucket and verified sender for a test
 * and returns the function environment that points at them.
 */
final class MotoAws implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    static final String REGION = "us-east-1";
    static final String RECIPIENT = "registrar@school.test";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoAws.class);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private MotoServer moto;
    private DynamoDbClient dynamoDb;
    private S3Connection s3;
    private SesV2Client ses;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return MotoServer.availability();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        moto = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MotoServer.class, type -> MotoServer.start(), MotoServer.class);
        AwsAccess access = new AwsAccess(REGION, Optional.of(moto.endpoint()),
                Optional.of(AwsAccess.Keys.of("test", "test")));
        dynamoDb = DynamoDbClients.create(access);
        s3 = S3Connection.open(access);
        ses = SesMailer.client(access);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (ses != null) {
            ses.close();
            s3.close();
            dynamoDb.close();
        }
    }

    /** A new table, bucket and verified sender; the environment a function container would get for them. */
    Map<String, String> provision() {
        int n = NAMES.incrementAndGet();
        String prefix = "t" + n + "_";
        new DynamoDbTables(dynamoDb, prefix).createIfAbsent();
        String bucket = "student-backup-test-" + n;
        s3.client().createBucket(r -> r.bucket(bucket));
        String sender = "noreply" + n + "@school.test";
        ses.createEmailIdentity(r -> r.emailIdentity(sender));
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("TABLE_NAME", prefix + "studentData");
        environment.put("S3_BUCKET_NAME", bucket);
        environment.put("SENDER_EMAIL", "Student Records <" + sender + ">");
        environment.put("RECIPIENT_EMAIL", RECIPIENT);
        environment.put("LOCALE", "en");
        return environment;
    }

    String endpoint() {
        return moto.endpoint().toString();
    }

    /** The text of an object in a bucket. */
    String object(String bucket, String key) {
        return s3.client().getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toBytes())
                .asString(StandardCharsets.UTF_8);
    }

    /** Stores {@code text} as an object, as someone with access to the bucket might. */
    void put(String bucket, String key, String text) {
        s3.client().putObject(r -> r.bucket(bucket).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    /** The subjects and recipients of the messages SES accepted so far, from moto's model dump. */
    List<String> sentMail() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/data.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode messages = new ObjectMapper().readTree(response.body()).path("ses").path("Message");
        List<String> sent = new ArrayList<>();
        for (JsonNode message : messages) {
            sent.add(message.path("subject").asText() + " -> "
                    + message.path("destinations").path("ToAddresses").path(0).asText());
        }
        return sent;
    }
}
