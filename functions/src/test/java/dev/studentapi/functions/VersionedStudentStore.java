package dev.studentapi.functions;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.testkit.fake.InMemoryStudentStore;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory student store whose change version the test controls; every insert moves it on. */
final class VersionedStudentStore implements StudentStore {

    private final InMemoryStudentStore students = new InMemoryStudentStore();
    private final AtomicLong version = new AtomicLong();
    private volatile boolean versioned = true;

    @Override
    public boolean insert(Student student) {
        boolean inserted = students.insert(student);
        if (inserted) {
            version.incrementAndGet();
        }
        return inserted;
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        students.forEachOrdered(sink);
    }

    @Override
    public OptionalLong changeVersion() {
        return versioned ? OptionalLong.of(version.get()) : OptionalLong.empty();
    }

    /** From now on the store cannot tell whether it changed. */
    void stopReportingVersions() {
        versioned = false;
    }

    /** A change that the store reports without its students changing (another process wrote, say). */
    void reportChange() {
        version.incrementAndGet();
    }
}
