package dev.studentapi.dynamodb;

import dev.studentapi.testkit.MotoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A moto_server for DynamoDB tests, register it as a static extension field. One server is started for the whole
 * test run (stopped when the run ends) because starting moto takes seconds; {@link #freshTables()} gives each
 * test its own tables under a new prefix, so that tests never see each other's items. Every client sends its
 * requests {@link OneRequestAtATime} (see there why); {@link DynamoDbClientsTest} covers the production builder.
 */
final class MotoDynamoDb implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoDynamoDb.class);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final Lock SERVER = new ReentrantLock(true);

    private final List<DynamoDbClient> clients = new ArrayList<>();
    private MotoServer moto;
    private DynamoDbClient client;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return MotoServer.availability();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        moto = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MotoServer.class, type -> MotoServer.start(), MotoServer.class);
        client = newClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        clients.forEach(DynamoDbClient::close);
        clients.clear();
    }

    URI endpoint() {
        return moto.endpoint();
    }

    /** A client of its own, as a second instance of the service would have; closed after the class. */
    DynamoDbClient newClient() {
        DynamoDbClient created = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(new OneRequestAtATime(UrlConnectionHttpClient.create(), SERVER))
                .build();
        clients.add(created);
        return created;
    }

    /** New, empty tables under a prefix no other test uses, on the shared client. */
    DynamoDbTables freshTables() {
        return new DynamoDbTables(client, "t" + PREFIXES.incrementAndGet() + "_").createIfAbsent();
    }

    /** The same tables as {@code tables}, seen through another client. */
    DynamoDbTables sameTablesThrough(DynamoDbClient other, DynamoDbTables tables) {
        String prefix = tables.students().substring(0, tables.students().length() - "studentData".length());
        return new DynamoDbTables(other, prefix);
    }
}
