package dev.studentapi.dynamodb;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.DuplicateStudentException;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bulk writes of {@code studentData}, a group of {@value #GROUP} students at a time: one BatchGetItem of their
 * ids tells which are stored (for the counts, so that a skipped student costs no write, and so that FAIL stops
 * before the group's first write); then with {@link ConflictPolicy#REPLACE} BatchWriteItem puts them (last writer
 * wins), otherwise each new one is a conditional PutItem ({@code attribute_not_exists}) that never overwrites a
 * student stored meanwhile. Not one transaction: every write is atomic alone, a failure (or a
 * {@link DuplicateStudentException}) part-way leaves the groups written so far, and the counts of a REPLACE group
 * can be off by the students other writers insert or delete while it runs.
 */
final class StudentBulkWrites {

    static final int GROUP = 100;
    static final int BATCH_WRITE = 25;

    private final DynamoDbClient client;
    private final String table;
    private final StudentIds ids;

    StudentBulkWrites(DynamoDbClient client, String table, StudentIds ids) {
        this.client = client;
        this.table = table;
        this.ids = ids;
    }

    BulkCounts writeAll(StudentSource source, ConflictPolicy policy) throws IOException {
        Counts counts = new Counts();
        inGroups(source, group -> write(group, policy, counts));
        return counts.value();
    }

    /**
     * Puts every student of {@code source} with BatchWriteItem, keeping their ids in memory, then deletes every
     * stored id that is not among them; counts every student written as inserted. Readers meanwhile see a mix of
     * the old and the new table, and a student another writer stores before the final scan of the ids is deleted.
     */
    BulkCounts replaceAll(StudentSource source) throws IOException {
        Set<String> kept = new HashSet<>();
        inGroups(source, group -> {
            for (Student student : group) {
                if (!kept.add(student.studentId())) {
                    throw new IllegalArgumentException("the id " + student.studentId() + " appears twice");
                }
            }
            DynamoDbCall.run("write students", () -> {
                batchWrite(group.stream().map(StudentBulkWrites::put).toList());
                return null;
            });
        });
        List<WriteRequest> deletes = new ArrayList<>();
        DynamoDbCall.run("remove the students not restored", () -> {
            ids.forEachId(id -> {
                if (!kept.contains(id)) {
                    deletes.add(WriteRequest.builder()
                            .deleteRequest(DeleteRequest.builder().key(StudentItems.key(id)).build()).build());
                }
            });
            batchWrite(deletes);
            return null;
        });
        return new BulkCounts(kept.size(), 0, 0);
    }

    private void write(List<Student> group, ConflictPolicy policy, Counts counts) {
        DynamoDbCall.run("write students", () -> {
            Set<String> stored = ids.existing(group.stream().map(Student::studentId).toList());
            if (policy == ConflictPolicy.REPLACE) {
                batchWrite(group.stream().map(StudentBulkWrites::put).toList());
                counts.replaced += stored.size();
                counts.inserted += group.size() - stored.size();
                return null;
            }
            if (policy == ConflictPolicy.FAIL && !stored.isEmpty()) {
                throw new DuplicateStudentException(group.stream().map(Student::studentId)
                        .filter(stored::contains).findFirst().orElseThrow());
            }
            for (Student student : group) {
                boolean taken = stored.contains(student.studentId()) || !putIfAbsent(student);
                if (taken && policy == ConflictPolicy.FAIL) {
                    throw new DuplicateStudentException(student.studentId());
                }
                if (taken) {
                    counts.skipped++;
                } else {
                    counts.inserted++;
                }
            }
            return null;
        });
    }

    /** Puts the student unless its id is stored; false, changing nothing, when it is. */
    boolean putIfAbsent(Student student) {
        try {
            client.putItem(r -> r.tableName(table).item(StudentItems.item(student))
                    .conditionExpression(StudentItems.ABSENT));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    private static WriteRequest put(Student student) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(StudentItems.item(student)).build())
                .build();
    }

    /** Sends {@code requests} {@value #BATCH_WRITE} at a time, resending what DynamoDB left unprocessed. */
    private void batchWrite(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH_WRITE) {
            Map<String, List<WriteRequest>> pending =
                    Map.of(table, requests.subList(from, Math.min(requests.size(), from + BATCH_WRITE)));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                Pauses.beforeRetry(attempt);
                Map<String, List<WriteRequest>> asked = pending;
                BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(asked));
                pending = response.unprocessedItems();
            }
        }
    }

    private static void inGroups(StudentSource source, GroupWriter writer) throws IOException {
        List<Student> group = new ArrayList<>(GROUP);
        source.forEach(student -> {
            group.add(student);
            if (group.size() == GROUP) {
                writer.write(List.copyOf(group));
                group.clear();
            }
        });
        if (!group.isEmpty()) {
            writer.write(List.copyOf(group));
        }
    }

    @FunctionalInterface
    private interface GroupWriter {
        void write(List<Student> group);
    }

    /** The running counts of one bulk write. */
    private static final class Counts {
        long inserted;
        long replaced;
        long skipped;

        BulkCounts value() {
            return new BulkCounts(inserted, replaced, skipped);
        }
    }
}
