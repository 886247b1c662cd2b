package dev.studentapi.dynamodb;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.StoreWrite;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.Attributes.string;
import static dev.studentapi.dynamodb.DynamoDbTables.STUDENT_ID;

/**
 * Students in the {@code studentData} table, one item per student keyed by {@code studentid}, with the
 * attributes {@code name}, {@code class}, {@code birthdate} and {@code email} of the reference system.
 * Safe for concurrent use by any number of instances: a conditional put decides which insert of an id wins.
 * A listing scans only the ids, sorts them, and fetches the students in ordered chunks of {@value #CHUNK}, so
 * it holds every id in memory (about 100 bytes each) but never every student. Engine failures throw
 * {@link dev.studentapi.core.StoreException}.
 */
public final class DynamoDbStudentStore implements StudentStore {

    static final int CHUNK = 100;

    private final DynamoDbClient client;
    private final String table;
    private final int chunk;

    public DynamoDbStudentStore(DynamoDbTables tables) {
        this(tables, CHUNK);
    }

    /** A store that fetches {@code chunk} students per BatchGetItem (at most 100, DynamoDB's limit). */
    DynamoDbStudentStore(DynamoDbTables tables, int chunk) {
        if (chunk < 1 || chunk > CHUNK) {
            throw new IllegalArgumentException("a chunk holds 1 to " + CHUNK + " students");
        }
        this.client = tables.client();
        this.table = tables.students();
        this.chunk = chunk;
    }

    @Override
    public boolean insert(Student student) {
        Map<String, AttributeValue> item = Map.of(STUDENT_ID, s(student.studentId()), "name", s(student.name()),
                "class", s(student.className()), "birthdate", s(student.birthdate()), "email", s(student.email()));
        return DynamoDbCall.run("insert a student", () -> {
            try {
                client.putItem(r -> r.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(" + STUDENT_ID + ")"));
                return true;
            } catch (ConditionalCheckFailedException taken) {
                return false;
            }
        });
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        List<String> ids = DynamoDbCall.run("list student ids", this::sortedIds);
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + chunk));
            Map<String, Student> found = DynamoDbCall.run("read students", () -> fetch(some));
            for (String id : some) {
                Student student = found.get(id);
                if (student != null) {
                    sink.accept(student);
                }
            }
        }
    }

    private List<String> sortedIds() {
        List<String> ids = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(table).projectionExpression(STUDENT_ID).consistentRead(true))
                .items().forEach(item -> ids.add(string(item, STUDENT_ID)));
        ids.sort(null);
        return ids;
    }

    private Map<String, Student> fetch(List<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        ids.forEach(id -> keys.add(Map.of(STUDENT_ID, s(id))));
        Map<String, KeysAndAttributes> pending =
                Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        Map<String, Student> found = new HashMap<>();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            Pauses.beforeRetry(attempt);
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(request));
            response.responses().getOrDefault(table, List.of()).forEach(item -> {
                Student student = student(item);
                found.put(student.studentId(), student);
            });
            pending = response.unprocessedKeys();
        }
        return found;
    }

    private static Student student(Map<String, AttributeValue> item) {
        return new Student(string(item, STUDENT_ID), string(item, "name"), string(item, "class"),
                string(item, "birthdate"), string(item, "email"));
    }

    @Override
    public Optional<Student> find(String studentId) {
        throw new UnsupportedOperationException("DynamoDB: records API pending");
    }

    @Override
    public StoreWrite replace(Student updated, Optional<Student> expected) {
        throw new UnsupportedOperationException("DynamoDB: records API pending");
    }

    @Override
    public StoreWrite delete(String studentId, Optional<Student> expected) {
        throw new UnsupportedOperationException("DynamoDB: records API pending");
    }

    @Override
    public void forEachMatching(StudentQuery query, StudentSink sink) throws IOException {
        throw new UnsupportedOperationException("DynamoDB: records API pending");
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        throw new UnsupportedOperationException("DynamoDB: records API pending");
    }

    @Override
    public BulkCounts writeAll(StudentSource source, ConflictPolicy policy) throws IOException {
        throw new UnsupportedOperationException("DynamoDB: records API pending");
    }

    @Override
    public BulkCounts replaceAll(StudentSource source) throws IOException {
        throw new UnsupportedOperationException("DynamoDB: records API pending");
    }
}
