package dev.studentapi.dynamodb;

import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.studentapi.dynamodb.Attributes.key;
import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.DynamoDbBindings.PLAN;
import static dev.studentapi.dynamodb.DynamoDbBindings.PLAN_ITEM;
import static dev.studentapi.dynamodb.DynamoDbTables.PK;
import static dev.studentapi.dynamodb.DynamoDbTables.SK;

/**
 * Usage plans and their key bindings in the {@code StudentUsagePlans} table: one item per plan with its stages
 * inside, and two items per binding (see {@link DynamoDbBindings}). Safe for concurrent use by any number of
 * instances; every read is strongly consistent. Deleting a plan removes its item first, so that no new binding
 * can follow, then its bindings. Engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class DynamoDbUsagePlanStore implements UsagePlanStore {

    private static final Comparator<UsagePlan> BY_NAME_THEN_ID =
            Comparator.comparing(UsagePlan::name).thenComparing(UsagePlan::id);

    private final DynamoDbClient client;
    private final String table;
    private final DynamoDbBindings bindings;

    public DynamoDbUsagePlanStore(DynamoDbTables tables) {
        this.client = tables.client();
        this.table = tables.usagePlans();
        this.bindings = new DynamoDbBindings(tables);
    }

    @Override
    public boolean create(UsagePlan plan) {
        return put("create a usage plan", plan, "attribute_not_exists(" + PK + ")");
    }

    @Override
    public Optional<UsagePlan> findById(String id) {
        return DynamoDbCall.run("find a usage plan", () -> {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                    .key(key(PLAN + id, PLAN_ITEM)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.<UsagePlan>empty() : Optional.of(PlanItems.plan(item));
        });
    }

    @Override
    public List<UsagePlan> list() {
        return DynamoDbCall.run("list usage plans", () -> {
            List<UsagePlan> plans = new ArrayList<>();
            client.scanPaginator(r -> r.tableName(table).consistentRead(true)
                            .filterExpression(SK + " = :plan").expressionAttributeValues(Map.of(":plan", s(PLAN_ITEM))))
                    .items().forEach(item -> plans.add(PlanItems.plan(item)));
            plans.sort(BY_NAME_THEN_ID);
            return plans;
        });
    }

    @Override
    public boolean update(UsagePlan plan) {
        return put("update a usage plan", plan, "attribute_exists(" + PK + ")");
    }

    @Override
    public boolean delete(String id) {
        boolean deleted = DynamoDbCall.run("delete a usage plan", () -> {
            try {
                client.deleteItem(r -> r.tableName(table).key(key(PLAN + id, PLAN_ITEM))
                        .conditionExpression("attribute_exists(" + PK + ")"));
                return true;
            } catch (ConditionalCheckFailedException absent) {
                return false;
            }
        });
        bindings.removePlan(id);
        return deleted;
    }

    @Override
    public boolean bindKey(String planId, String keyId) {
        return bindings.bind(planId, keyId);
    }

    @Override
    public boolean unbindKey(String planId, String keyId) {
        return bindings.unbind(planId, keyId);
    }

    @Override
    public List<String> keyIds(String planId) {
        return bindings.keyIds(planId);
    }

    @Override
    public List<UsagePlan> plansOfKey(String keyId) {
        List<UsagePlan> plans = new ArrayList<>();
        for (String planId : bindings.planIds(keyId)) {
            findById(planId).ifPresent(plans::add);
        }
        plans.sort(BY_NAME_THEN_ID);
        return plans;
    }

    private boolean put(String operation, UsagePlan plan, String condition) {
        Map<String, AttributeValue> item = PlanItems.item(plan);
        return DynamoDbCall.run(operation, () -> {
            try {
                client.putItem(r -> r.tableName(table).item(item).conditionExpression(condition));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }
}
