package dev.studentapi.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.studentapi.dynamodb.Attributes.key;
import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.DynamoDbTables.PK;
import static dev.studentapi.dynamodb.DynamoDbTables.SK;

/**
 * Bindings of API keys to usage plans in the {@code StudentUsagePlans} table. Each binding is two items written
 * and removed in one transaction, {@code (PLAN#plan, KEY#key)} and {@code (KEY#key, PLAN#plan)}, so that both
 * directions are read with strongly consistent queries. Safe for concurrent use.
 */
final class DynamoDbBindings {

    static final String PLAN = "PLAN#";
    static final String KEY = "KEY#";
    static final String PLAN_ITEM = "PLAN";

    private final DynamoDbClient client;
    private final String table;

    DynamoDbBindings(DynamoDbTables tables) {
        this.client = tables.client();
        this.table = tables.usagePlans();
    }

    /** Binds the key when the plan exists and the binding does not; reports whether it did. */
    boolean bind(String planId, String keyId) {
        return Transactions.write(client, "bind an API key to a usage plan", List.of(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(PLAN + planId, PLAN_ITEM))
                        .conditionExpression("attribute_exists(" + PK + ")")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item(PLAN + planId, KEY + keyId))
                        .conditionExpression("attribute_not_exists(" + PK + ")")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item(KEY + keyId, PLAN + planId)))
                        .build()));
    }

    /** Removes the binding when it exists; reports whether it did. */
    boolean unbind(String planId, String keyId) {
        return Transactions.write(client, "unbind an API key from a usage plan", List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(PLAN + planId, KEY + keyId))
                        .conditionExpression("attribute_exists(" + PK + ")")).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(KEY + keyId, PLAN + planId)))
                        .build()));
    }

    /** The ids of the keys bound to the plan, sorted. */
    List<String> keyIds(String planId) {
        return DynamoDbCall.run("list the keys of a usage plan", () -> sortKeysAfter(PLAN + planId, KEY));
    }

    /** The ids of the plans the key is bound to, sorted. */
    List<String> planIds(String keyId) {
        return DynamoDbCall.run("list the usage plans of a key", () -> sortKeysAfter(KEY + keyId, PLAN));
    }

    /** Removes every binding of the key. */
    void removeKey(String keyId) {
        for (String planId : planIds(keyId)) {
            unbind(planId, keyId);
        }
    }

    /** Removes every binding of the plan. */
    void removePlan(String planId) {
        for (String keyId : keyIds(planId)) {
            unbind(planId, keyId);
        }
    }

    private List<String> sortKeysAfter(String partition, String sortPrefix) {
        List<String> ids = new ArrayList<>();
        client.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(sortPrefix))))
                .items().forEach(item -> ids.add(item.get(SK).s().substring(sortPrefix.length())));
        ids.sort(null);
        return ids;
    }

    private static Map<String, AttributeValue> item(String partition, String sort) {
        return key(partition, sort);
    }
}
