package dev.studentapi.dynamodb;

import dev.studentapi.core.student.StudentStore;
import dev.studentapi.testkit.contract.StudentStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbStudentStoreTest extends StudentStoreContract {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Override
    protected StudentStore newStore() {
        return new DynamoDbStudentStore(MOTO.freshTables());
    }

    /** Bulk writes go in batches, as DynamoDbStudentStore documents: not all or nothing. */
    @Override
    protected boolean bulkWritesAreAtomic() {
        return false;
    }
}
