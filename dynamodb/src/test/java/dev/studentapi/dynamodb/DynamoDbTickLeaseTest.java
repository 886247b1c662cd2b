package dev.studentapi.dynamodb;

import dev.studentapi.core.schedule.TickLease;
import dev.studentapi.testkit.contract.TickLeaseContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbTickLeaseTest extends TickLeaseContract {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Override
    protected TickLease newLease() {
        return new DynamoDbTickLease(MOTO.freshTables());
    }
}
