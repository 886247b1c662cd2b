package dev.studentapi.dynamodb;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSink;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.Attributes.string;
import static dev.studentapi.dynamodb.DynamoDbTables.STUDENT_ID;

/**
 * Reads {@code studentData} by its ids: a consistent scan of the ids alone (filtered by class and by
 * {@code studentid > afterId} on the server), sorted in memory (about 100 bytes an id), then the students in
 * ordered BatchGetItem chunks, filtered by {@link StudentQuery#matches} and cut at the limit. Every page or filter
 * therefore costs one scan of the whole table's ids plus the reads of the candidates.
 */
final class StudentIds {

    static final int CHUNK = 100;

    private final DynamoDbClient client;
    private final String table;
    private final int chunk;

    StudentIds(DynamoDbClient client, String table, int chunk) {
        if (chunk < 1 || chunk > CHUNK) {
            throw new IllegalArgumentException("a chunk holds 1 to " + CHUNK + " students");
        }
        this.client = client;
        this.table = table;
        this.chunk = chunk;
    }

    void forEachMatching(StudentQuery query, StudentSink sink) throws IOException {
        List<String> ids = DynamoDbCall.run("list student ids", () -> sorted(query));
        long remaining = query.limit();
        int from = 0;
        while (from < ids.size() && remaining > 0) {
            int size = query.text().isPresent() ? chunk : (int) Math.min(chunk, remaining);
            List<String> some = ids.subList(from, Math.min(ids.size(), from + size));
            from += some.size();
            Map<String, Student> found = DynamoDbCall.run("read students", () -> fetch(some));
            for (String id : some) {
                Student student = found.get(id);
                if (student != null && query.matches(student) && remaining > 0) {
                    sink.accept(student);
                    remaining--;
                }
            }
        }
    }

    /** Every stored id the query's class and start allow, sorted. */
    private List<String> sorted(StudentQuery query) {
        List<String> ids = new ArrayList<>();
        client.scanPaginator(scan(query)).items().forEach(item -> ids.add(string(item, STUDENT_ID)));
        ids.sort(null);
        return ids;
    }

    /** Visits every stored id, unsorted, a page of the scan at a time. */
    void forEachId(Consumer<String> visitor) {
        client.scanPaginator(scan(StudentQuery.all())).items().forEach(item -> visitor.accept(string(item, STUDENT_ID)));
    }

    private ScanRequest scan(StudentQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        query.className().ifPresent(className -> {
            conditions.add("#class = :class");
            names.put("#class", "class");
            values.put(":class", s(className));
        });
        query.afterId().ifPresent(afterId -> {
            conditions.add(STUDENT_ID + " > :after");
            values.put(":after", s(afterId));
        });
        ScanRequest.Builder scan = ScanRequest.builder().tableName(table).projectionExpression(STUDENT_ID)
                .consistentRead(true);
        if (!conditions.isEmpty()) {
            scan.filterExpression(String.join(" AND ", conditions)).expressionAttributeValues(values);
            if (!names.isEmpty()) {
                scan.expressionAttributeNames(names);
            }
        }
        return scan.build();
    }

    /** The stored students among {@code ids} (at most {@value #CHUNK}, no duplicates), by id. */
    private Map<String, Student> fetch(List<String> ids) {
        Map<String, Student> found = new HashMap<>();
        batchGet(ids, false, item -> {
            Student student = StudentItems.student(item);
            found.put(student.studentId(), student);
        });
        return found;
    }

    /** Which of {@code ids} are stored, asked {@value #CHUNK} at a time for the key alone. */
    Set<String> existing(List<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            batchGet(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)), true,
                    item -> stored.add(string(item, STUDENT_ID)));
        }
        return stored;
    }

    private void batchGet(List<String> ids, boolean keysOnly, Consumer<Map<String, AttributeValue>> found) {
        if (ids.isEmpty()) {
            return;
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        ids.forEach(id -> keys.add(StudentItems.key(id)));
        KeysAndAttributes.Builder request = KeysAndAttributes.builder().keys(keys).consistentRead(true);
        if (keysOnly) {
            request.projectionExpression(STUDENT_ID);
        }
        Map<String, KeysAndAttributes> pending = Map.of(table, request.build());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            Pauses.beforeRetry(attempt);
            Map<String, KeysAndAttributes> asked = pending;
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(asked));
            response.responses().getOrDefault(table, List.of()).forEach(found);
            pending = response.unprocessedKeys();
        }
    }
}
