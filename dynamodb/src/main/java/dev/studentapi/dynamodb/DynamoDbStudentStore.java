package dev.studentapi.dynamodb;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.student.StoreWrite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.studentapi.dynamodb.StudentItems.EXISTS;
import static dev.studentapi.dynamodb.StudentItems.NAMES;
import static dev.studentapi.dynamodb.StudentItems.UNCHANGED;

/**
 * Students in the {@code studentData} table, one item per student keyed by {@code studentid}, with the
 * attributes {@code name}, {@code class}, {@code birthdate} and {@code email} of the reference system.
 * Safe for concurrent use by any number of instances. What is atomic: each {@link #insert}, {@link #replace} and
 * {@link #delete} is one conditional write of one item ({@code attribute_not_exists}, {@code attribute_exists},
 * and with an expected student every attribute equal to it), so two writers never both win and nothing is ever
 * read, then written blind. What is not: a listing ({@link StudentIds}) scans the ids, sorts them and then reads
 * the students in chunks, so it is no snapshot (a student changed meanwhile is read as it is then, one deleted
 * meanwhile is left out, one inserted after the scan is not seen), though paging by key still sees a student
 * stored throughout the walk exactly once; and the bulk writes ({@link StudentBulkWrites}) are batches of single
 * writes, not one transaction: a failure part-way leaves the batches written so far, and readers may see a mix
 * while they run. Engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class DynamoDbStudentStore implements StudentStore {

    static final int CHUNK = StudentIds.CHUNK;

    private final DynamoDbClient client;
    private final String table;
    private final StudentIds ids;
    private final StudentBulkWrites bulk;

    public DynamoDbStudentStore(DynamoDbTables tables) {
        this(tables, CHUNK);
    }

    /** A store that fetches {@code chunk} students per BatchGetItem (at most 100, DynamoDB's limit). */
    DynamoDbStudentStore(DynamoDbTables tables, int chunk) {
        this.client = tables.client();
        this.table = tables.students();
        this.ids = new StudentIds(client, table, chunk);
        this.bulk = new StudentBulkWrites(client, table, ids);
    }

    @Override
    public boolean insert(Student student) {
        return DynamoDbCall.run("insert a student", () -> bulk.putIfAbsent(student));
    }

    @Override
    public Optional<Student> find(String studentId) {
        return DynamoDbCall.run("read a student", () -> {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                    .key(StudentItems.key(studentId)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(StudentItems.student(item));
        });
    }

    @Override
    public StoreWrite replace(Student updated, Optional<Student> expected) {
        requireSameId(updated.studentId(), expected);
        Map<String, AttributeValue> values = StudentItems.values(updated);
        Map<String, AttributeValue> conditionValues = expected.map(StudentItems::expectedValues).orElse(Map.of());
        return DynamoDbCall.run("update a student", () -> {
            try {
                client.updateItem(r -> r.tableName(table).key(StudentItems.key(updated.studentId()))
                        .updateExpression(StudentItems.SET_FIELDS)
                        .conditionExpression(expected.isPresent() ? UNCHANGED : EXISTS)
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(StudentItems.union(values, conditionValues)));
                return StoreWrite.DONE;
            } catch (ConditionalCheckFailedException failed) {
                return refused(expected);
            }
        });
    }

    @Override
    public StoreWrite delete(String studentId, Optional<Student> expected) {
        requireSameId(studentId, expected);
        return DynamoDbCall.run("delete a student", () -> {
            try {
                client.deleteItem(r -> {
                    r.tableName(table).key(StudentItems.key(studentId));
                    if (expected.isPresent()) {
                        r.conditionExpression(UNCHANGED).expressionAttributeNames(NAMES)
                                .expressionAttributeValues(StudentItems.expectedValues(expected.get()));
                    } else {
                        r.conditionExpression(EXISTS);
                    }
                });
                return StoreWrite.DONE;
            } catch (ConditionalCheckFailedException failed) {
                return refused(expected);
            }
        });
    }

    /** A failed condition: with an expected student, the stored one differs or is gone; without, none is stored. */
    private static StoreWrite refused(Optional<Student> expected) {
        return expected.isPresent() ? StoreWrite.CHANGED : StoreWrite.ABSENT;
    }

    private static void requireSameId(String studentId, Optional<Student> expected) {
        if (expected.isPresent() && !expected.get().studentId().equals(studentId)) {
            throw new IllegalArgumentException("the expected student has another id");
        }
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        forEachMatching(StudentQuery.all(), sink);
    }

    @Override
    public void forEachMatching(StudentQuery query, StudentSink sink) throws IOException {
        ids.forEachMatching(query, sink);
    }

    @Override
    public Set<String> existingIds(Collection<String> studentIds) {
        return DynamoDbCall.run("check student ids", () -> ids.existing(List.copyOf(studentIds)));
    }

    @Override
    public BulkCounts writeAll(StudentSource source, ConflictPolicy policy) throws IOException {
        return bulk.writeAll(source, policy);
    }

    @Override
    public BulkCounts replaceAll(StudentSource source) throws IOException {
        return bulk.replaceAll(source);
    }
}
