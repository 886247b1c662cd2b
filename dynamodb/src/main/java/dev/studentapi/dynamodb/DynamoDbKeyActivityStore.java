package dev.studentapi.dynamodb;

import dev.studentapi.core.lifecycle.KeyActivity;
import dev.studentapi.core.lifecycle.KeyActivityStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.studentapi.dynamodb.Attributes.n;
import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.Attributes.string;
import static dev.studentapi.dynamodb.DynamoDbTables.PK;

/**
 * Each key's last use as an item {@code ACTIVITY#id} of the {@code StudentApiKeys} table, beside the key's own
 * items (its expiration is an attribute of the key's item). Every change is one atomic UpdateItem; a last use
 * only moves forward (a condition keeps a later one). Reads are strongly consistent, so every instance sees a change at its next request.
 */
public final class DynamoDbKeyActivityStore implements KeyActivityStore {

    /** The prefix of a key's activity item, before the key's id. */
    static final String ACTIVITY = "ACTIVITY#";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbKeyActivityStore(DynamoDbTables tables) {
        this.client = tables.client();
        this.table = tables.apiKeys();
    }

    @Override
    public Optional<KeyActivity> find(String keyId) {
        return DynamoDbCall.run("find a key's activity", () -> {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                    .key(Map.of(PK, s(ACTIVITY + keyId))).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(activity(item));
        });
    }

    @Override
    public List<KeyActivity> list() {
        return DynamoDbCall.run("list key activity", () -> {
            List<KeyActivity> all = new ArrayList<>();
            client.scanPaginator(r -> r.tableName(table).consistentRead(true)
                            .filterExpression("begins_with(" + PK + ", :activity)")
                            .expressionAttributeValues(Map.of(":activity", s(ACTIVITY))))
                    .items().forEach(item -> all.add(activity(item)));
            return all;
        });
    }

    @Override
    public void recordLastUsed(String keyId, Instant time) {
        DynamoDbCall.run("record a key's last use", () -> {
            try {
                client.updateItem(r -> r.tableName(table).key(Map.of(PK, s(ACTIVITY + keyId)))
                        .updateExpression("SET keyId = :id, lastUsedMillis = :time")
                        .conditionExpression("attribute_not_exists(lastUsedMillis) OR lastUsedMillis < :time")
                        .expressionAttributeValues(Map.of(":id", s(keyId), ":time", n(time.toEpochMilli()))));
            } catch (ConditionalCheckFailedException laterKept) {
                // a later use is already stored
            }
            return null;
        });
    }

    private static KeyActivity activity(Map<String, AttributeValue> item) {
        return new KeyActivity(string(item, "keyId"), millis(item, "lastUsedMillis"));
    }

    private static Optional<Instant> millis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }
}
