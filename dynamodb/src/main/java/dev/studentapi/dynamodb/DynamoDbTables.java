package dev.studentapi.dynamodb;

import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The names and key schemas of the five tables behind the DynamoDB stores, all sharing one name prefix:
 * {@code studentData} (partition key {@code studentid}), and {@code StudentApiKeys}, {@code StudentUsagePlans},
 * {@code StudentUsage}, {@code StudentAudit} (partition key {@code pk}; the last three with sort key {@code sk}).
 * Immutable and safe for concurrent use; {@link #createIfAbsent()} may run on several instances at once.
 */
public final class DynamoDbTables {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String STUDENT_ID = "studentid";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final DynamoDbClient client;
    private final String prefix;

    /** Tables named {@code prefix + name}; the prefix ({@code DYNAMODB_TABLE_PREFIX}) may be empty. */
    public DynamoDbTables(DynamoDbClient client, String prefix) {
        this.client = client;
        this.prefix = prefix == null ? "" : prefix;
    }

    public DynamoDbClient client() {
        return client;
    }

    public String students() {
        return prefix + "studentData";
    }

    public String apiKeys() {
        return prefix + "StudentApiKeys";
    }

    public String usagePlans() {
        return prefix + "StudentUsagePlans";
    }

    public String usage() {
        return prefix + "StudentUsage";
    }

    /** The audit log's table. */
    public String audit() {
        return prefix + "StudentAudit";
    }

    /**
     * Creates each missing table with on-demand billing and waits until every table is ACTIVE. Tables that
     * exist are left as they are. Throws {@link dev.studentapi.core.StoreException} when DynamoDB fails.
     */
    public DynamoDbTables createIfAbsent() {
        DynamoDbCall.run("create the tables", () -> {
            createIfAbsent(students(), STUDENT_ID, null);
            createIfAbsent(apiKeys(), PK, null);
            createIfAbsent(usagePlans(), PK, SK);
            createIfAbsent(usage(), PK, SK);
            createIfAbsent(audit(), PK, SK);
            try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                    .overrideConfiguration(c -> c.backoffStrategyV2(BackoffStrategy.fixedDelay(POLL)).waitTimeout(WAIT))
                    .build()) {
                for (String table : List.of(students(), apiKeys(), usagePlans(), usage(), audit())) {
                    waiter.waitUntilTableExists(r -> r.tableName(table));
                }
            }
            return null;
        });
        return this;
    }

    private void createIfAbsent(String table, String partitionKey, String sortKey) {
        try {
            client.describeTable(r -> r.tableName(table));
            return;
        } catch (ResourceNotFoundException absent) {
            // create it below
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        attributes.add(stringAttribute(partitionKey));
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
            attributes.add(stringAttribute(sortKey));
        }
        try {
            client.createTable(r -> r.tableName(table).keySchema(keys).attributeDefinitions(attributes)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException createdByAnotherInstance) {
            // another instance created it first; it is waited for like our own
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
