package dev.studentapi.dynamodb;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static dev.studentapi.dynamodb.Attributes.key;
import static dev.studentapi.dynamodb.Attributes.n;
import static dev.studentapi.dynamodb.Attributes.number;
import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.DynamoDbTables.PK;
import static dev.studentapi.dynamodb.DynamoDbTables.SK;

/**
 * Request counts in the {@code StudentUsage} table, one partition per (plan, key) holding a {@code W#start#end}
 * item per quota window and a {@code D#yyyy-MM-dd} item per UTC day. Exact under any concurrency, across
 * instances: a charge is one conditional {@code ADD} on the window item, and only a successful charge then adds
 * to the day item (a crash between the two writes can leave the day one short, never the window). Engine
 * failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class DynamoDbUsageCounter implements UsageCounter {

    private static final String USED = "used";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbUsageCounter(DynamoDbTables tables) {
        this.client = tables.client();
        this.table = tables.usage();
    }

    @Override
    public QuotaCharge tryCharge(String planId, String keyId, QuotaWindow window, LocalDate day, long limit) {
        String partition = partition(planId, keyId);
        if (limit <= 0) {
            return new QuotaCharge.Exhausted(used(planId, keyId, window));
        }
        return DynamoDbCall.run("charge a request to a quota", () -> {
            long used;
            try {
                used = number(client.updateItem(r -> r.tableName(table).key(key(partition, windowKey(window)))
                        .updateExpression("ADD " + USED + " :one")
                        .conditionExpression("attribute_not_exists(" + USED + ") OR " + USED + " < :limit")
                        .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit)))
                        .returnValues(ReturnValue.UPDATED_NEW)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                        .attributes(), USED);
            } catch (ConditionalCheckFailedException e) {
                return new QuotaCharge.Exhausted(e.hasItem() ? number(e.item(), USED) : read(partition, window));
            }
            client.updateItem(r -> r.tableName(table).key(key(partition, dayKey(day)))
                    .updateExpression("ADD " + USED + " :one")
                    .expressionAttributeValues(Map.of(":one", n(1))));
            return new QuotaCharge.Charged(used);
        });
    }

    @Override
    public long used(String planId, String keyId, QuotaWindow window) {
        return DynamoDbCall.run("read the usage of a quota window", () -> read(partition(planId, keyId), window));
    }

    @Override
    public void setUsed(String planId, String keyId, QuotaWindow window, long used) {
        DynamoDbCall.run("set the usage of a quota window", () -> client.updateItem(r -> r.tableName(table)
                .key(key(partition(planId, keyId), windowKey(window)))
                .updateExpression("SET " + USED + " = :used")
                .expressionAttributeValues(Map.of(":used", n(Math.max(0, used))))));
    }

    @Override
    public Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
        return DynamoDbCall.run("read daily usage", () -> {
            Map<LocalDate, Long> perDay = new TreeMap<>();
            if (to.isBefore(from)) {
                return perDay;
            }
            client.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression(PK + " = :pk AND " + SK + " BETWEEN :from AND :to")
                            .expressionAttributeValues(Map.of(":pk", s(partition(planId, keyId)),
                                    ":from", s(dayKey(from)), ":to", s(dayKey(to)))))
                    .items().forEach(item -> {
                        long used = number(item, USED);
                        if (used > 0) {
                            perDay.put(LocalDate.parse(item.get(SK).s().substring(2)), used);
                        }
                    });
            return perDay;
        });
    }

    private long read(String partition, QuotaWindow window) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                .key(key(partition, windowKey(window))).consistentRead(true)).item();
        return item == null ? 0 : number(item, USED);
    }

    /** {@code plan/key}, each part URL-encoded so that no id can run into the other. */
    private static String partition(String planId, String keyId) {
        return URLEncoder.encode(planId, StandardCharsets.UTF_8) + "/" + URLEncoder.encode(keyId, StandardCharsets.UTF_8);
    }

    private static String windowKey(QuotaWindow window) {
        return "W#" + window.start() + "#" + window.end();
    }

    private static String dayKey(LocalDate day) {
        return "D#" + day;
    }
}
