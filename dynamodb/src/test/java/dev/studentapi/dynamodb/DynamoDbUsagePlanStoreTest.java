package dev.studentapi.dynamodb;

import dev.studentapi.core.usage.UsagePlanStore;
import dev.studentapi.testkit.contract.UsagePlanStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbUsagePlanStoreTest extends UsagePlanStoreContract {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Override
    protected UsagePlanStore newStore() {
        return new DynamoDbUsagePlanStore(MOTO.freshTables());
    }
}
