package dev.studentapi.dynamodb;

import dev.studentapi.testkit.contract.ApiKeyStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbApiKeyStoreTest extends ApiKeyStoreContract {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Override
    protected Stores newStores() {
        DynamoDbTables tables = MOTO.freshTables();
        return new Stores(new DynamoDbApiKeyStore(tables), new DynamoDbUsagePlanStore(tables));
    }
}
