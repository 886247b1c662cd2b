package dev.studentapi.dynamodb;

import dev.studentapi.core.lifecycle.KeyActivityStore;
import dev.studentapi.testkit.contract.KeyActivityStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbKeyActivityStoreTest extends KeyActivityStoreContract {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Override
    protected KeyActivityStore newStore() {
        return new DynamoDbKeyActivityStore(MOTO.freshTables());
    }
}
