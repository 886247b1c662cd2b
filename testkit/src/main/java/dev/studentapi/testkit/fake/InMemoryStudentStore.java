package dev.studentapi.testkit.fake;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.DuplicateStudentException;
import dev.studentapi.core.student.StoreWrite;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Students in a sorted concurrent map; for tests. Safe for concurrent use: single changes are atomic map
 * operations, and a bulk write or a replacement of the table applies all at once (it first reads its whole source,
 * so nothing is written when the source fails), never seen half done. A stream sees every student stored before
 * it began and may see some stored while it runs, like a database read without a snapshot.
 */
public final class InMemoryStudentStore implements StudentStore {
    private final ConcurrentSkipListMap<String, Student> students = new ConcurrentSkipListMap<>();
    private final ReadWriteLock bulk = new ReentrantReadWriteLock();

    @Override
    public boolean insert(Student student) {
        return single(() -> students.putIfAbsent(student.studentId(), student) == null);
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        forEachMatching(StudentQuery.all(), sink);
    }

    @Override
    public Optional<Student> find(String studentId) {
        return Optional.ofNullable(students.get(studentId));
    }

    @Override
    public StoreWrite replace(Student updated, Optional<Student> expected) {
        String id = updated.studentId();
        return single(() -> {
            if (expected.isPresent()) {
                return students.replace(id, expected.get(), updated) ? StoreWrite.DONE : StoreWrite.CHANGED;
            }
            return students.replace(id, updated) != null ? StoreWrite.DONE : StoreWrite.ABSENT;
        });
    }

    @Override
    public StoreWrite delete(String studentId, Optional<Student> expected) {
        return single(() -> {
            if (expected.isPresent()) {
                return students.remove(studentId, expected.get()) ? StoreWrite.DONE : StoreWrite.CHANGED;
            }
            return students.remove(studentId) != null ? StoreWrite.DONE : StoreWrite.ABSENT;
        });
    }

    @Override
    public void forEachMatching(StudentQuery query, StudentSink sink) throws IOException {
        Map<String, Student> range = query.afterId().isPresent()
                ? students.tailMap(query.afterId().get(), false) : students;
        int sent = 0;
        for (Student student : range.values()) {
            if (sent >= query.limit()) {
                return;
            }
            if (query.matches(student)) {
                sink.accept(student);
                sent++;
            }
        }
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        if (ids.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 ids at a time");
        }
        Set<String> stored = new HashSet<>();
        for (String id : ids) {
            if (students.containsKey(id)) {
                stored.add(id);
            }
        }
        return stored;
    }

    @Override
    public BulkCounts writeAll(StudentSource source, ConflictPolicy policy) throws IOException {
        List<Student> all = read(source);
        Lock lock = bulk.writeLock();
        lock.lock();
        try {
            if (policy == ConflictPolicy.FAIL) {
                for (Student student : all) {
                    if (students.containsKey(student.studentId())) {
                        throw new DuplicateStudentException(student.studentId());
                    }
                }
            }
            long inserted = 0;
            long replaced = 0;
            long skipped = 0;
            for (Student student : all) {
                if (policy == ConflictPolicy.REPLACE) {
                    if (students.put(student.studentId(), student) == null) {
                        inserted++;
                    } else {
                        replaced++;
                    }
                } else if (students.putIfAbsent(student.studentId(), student) == null) {
                    inserted++;
                } else {
                    skipped++;
                }
            }
            return new BulkCounts(inserted, replaced, skipped);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public BulkCounts replaceAll(StudentSource source) throws IOException {
        TreeMap<String, Student> table = new TreeMap<>();
        for (Student student : read(source)) {
            if (table.putIfAbsent(student.studentId(), student) != null) {
                throw new IllegalArgumentException("the id " + student.studentId() + " appears twice");
            }
        }
        Lock lock = bulk.writeLock();
        lock.lock();
        try {
            students.keySet().retainAll(table.keySet());
            students.putAll(table);
            return new BulkCounts(table.size(), 0, 0);
        } finally {
            lock.unlock();
        }
    }

    private static List<Student> read(StudentSource source) throws IOException {
        List<Student> all = new ArrayList<>();
        source.forEach(all::add);
        return all;
    }

    private interface Change<T> {
        T apply();
    }

    private <T> T single(Change<T> change) {
        Lock lock = bulk.readLock();
        lock.lock();
        try {
            return change.apply();
        } finally {
            lock.unlock();
        }
    }
}
