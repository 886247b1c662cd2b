package dev.studentapi.testkit.fake;

import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.testkit.contract.AuditLogContract;

class InMemoryAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
