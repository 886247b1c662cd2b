package dev.studentapi.dynamodb;

import dev.studentapi.core.audit.AuditEntry;
import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.core.audit.AuditPage;
import dev.studentapi.core.audit.AuditQuery;
import dev.studentapi.core.audit.AuditSummary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.studentapi.dynamodb.Attributes.n;
import static dev.studentapi.dynamodb.Attributes.number;
import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.Attributes.string;
import static dev.studentapi.dynamodb.DynamoDbTables.PK;
import static dev.studentapi.dynamodb.DynamoDbTables.SK;

/**
 * The audit log in the {@code StudentAudit} table: one partition ({@code pk = LOG}) sorted by entry id
 * ({@code sk}), read newest first with a Query; the filters by target and caller are a FilterExpression, so a
 * filtered page reads on until it is full or the log ends. Summaries are maps. An entry is put only if its id is
 * new. Safe for concurrent use by any number of instances.
 */
public final class DynamoDbAuditLog implements AuditLog {

    private static final String PARTITION = "LOG";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbAuditLog(DynamoDbTables tables) {
        this.client = tables.client();
        this.table = tables.audit();
    }

    @Override
    public void append(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(PARTITION));
        item.put(SK, s(entry.id()));
        item.put("timeMillis", n(entry.time().toEpochMilli()));
        item.put("who", s(entry.who()));
        item.put("operation", s(entry.operation()));
        item.put("target", s(entry.target()));
        entry.beforeSummary().ifPresent(summary -> item.put("before", map(summary)));
        entry.afterSummary().ifPresent(summary -> item.put("after", map(summary)));
        DynamoDbCall.run("record an audit entry", () -> {
            try {
                client.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(" + SK + ")"));
            } catch (ConditionalCheckFailedException alreadyStored) {
                // the same entry, recorded before
            }
            return null;
        });
    }

    @Override
    public AuditPage list(AuditQuery query) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", PK);
        values.put(":pk", s(PARTITION));
        String keyCondition = "#pk = :pk";
        if (query.after().isPresent()) {
            names.put("#sk", SK);
            values.put(":after", s(query.after().get().entryId()));
            keyCondition += " AND #sk < :after";
        }
        List<String> filters = new ArrayList<>();
        query.target().ifPresent(target -> {
            names.put("#target", "target");
            values.put(":target", s(target));
            filters.add("#target = :target");
        });
        query.who().ifPresent(who -> {
            names.put("#who", "who");
            values.put(":who", s(who));
            filters.add("#who = :who");
        });
        String condition = keyCondition;
        int wanted = query.limit() + 1;
        return DynamoDbCall.run("list the audit log", () -> {
            List<AuditEntry> found = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression(condition).expressionAttributeNames(names)
                        .expressionAttributeValues(values).scanIndexForward(false).limit(wanted - found.size());
                if (!filters.isEmpty()) {
                    request.filterExpression(String.join(" AND ", filters));
                }
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                QueryResponse page = client.query(request.build());
                page.items().forEach(item -> found.add(entry(item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && found.size() < wanted);
            return AuditPage.of(found, query.limit());
        });
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(string(item, SK), Instant.ofEpochMilli(number(item, "timeMillis")),
                string(item, "who"), string(item, "operation"), string(item, "target"),
                summary(item.get("before")), summary(item.get("after")));
    }

    private static AttributeValue map(AuditSummary summary) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        summary.fields().forEach((name, value) -> fields.put(name, attribute(value)));
        return AttributeValue.fromM(fields);
    }

    private static AttributeValue attribute(Object value) {
        if (value instanceof String text) {
            return s(text);
        }
        if (value instanceof Boolean flag) {
            return AttributeValue.fromBool(flag);
        }
        if (value instanceof Long whole) {
            return n(whole);
        }
        if (value instanceof Double decimal) {
            return n(decimal);
        }
        List<AttributeValue> list = new ArrayList<>();
        for (Object element : (List<?>) value) {
            list.add(s((String) element));
        }
        return AttributeValue.fromL(list);
    }

    private static AuditSummary summary(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        value.m().forEach((name, field) -> fields.put(name, value(field)));
        return new AuditSummary(fields);
    }

    private static Object value(AttributeValue field) {
        if (field.s() != null) {
            return field.s();
        }
        if (field.bool() != null) {
            return field.bool();
        }
        if (field.n() != null) {
            String text = field.n();
            return text.contains(".") || text.contains("E") || text.contains("e")
                    ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
        }
        return field.l().stream().map(AttributeValue::s).toList();
    }
}
