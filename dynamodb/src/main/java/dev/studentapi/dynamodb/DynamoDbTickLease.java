package dev.studentapi.dynamodb;

import dev.studentapi.core.schedule.TickLease;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * Schedule ticks claimed as items of the usage table ({@code pk = #schedule/<name>}, {@code sk = T#<millis>})
 * with a conditional put, so that exactly one instance claims each tick. Safe for concurrent use.
 */
public final class DynamoDbTickLease implements TickLease {

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbTickLease(DynamoDbTables tables) {
        this.client = tables.client();
        this.table = tables.usage();
    }

    @Override
    public boolean claim(String schedule, Instant tick, String holder) {
        Map<String, AttributeValue> item = Map.of(
                DynamoDbTables.PK, AttributeValue.fromS("#schedule/" + schedule),
                DynamoDbTables.SK, AttributeValue.fromS("T#" + tick.toEpochMilli()),
                "holder", AttributeValue.fromS(holder));
        return DynamoDbCall.run("claim a schedule tick", () -> {
            try {
                client.putItem(r -> r.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(" + DynamoDbTables.PK + ")"));
                return true;
            } catch (ConditionalCheckFailedException taken) {
                return false;
            }
        });
    }
}
