package dev.studentapi.dynamodb;

import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.testkit.contract.AuditLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbAuditLogTest extends AuditLogContract {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Override
    protected AuditLog newLog() {
        return new DynamoDbAuditLog(MOTO.freshTables());
    }
}
