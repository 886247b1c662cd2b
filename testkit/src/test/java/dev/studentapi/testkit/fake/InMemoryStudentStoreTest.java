package dev.studentapi.testkit.fake;

import dev.studentapi.core.student.StudentStore;
import dev.studentapi.testkit.contract.StudentStoreContract;

class InMemoryStudentStoreTest extends StudentStoreContract {
    @Override
    protected StudentStore newStore() {
        return new InMemoryStudentStore();
    }
}
