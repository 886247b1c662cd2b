package dev.studentapi.testkit.fake;

import dev.studentapi.core.schedule.TickLease;
import dev.studentapi.testkit.contract.TickLeaseContract;

class InMemoryTickLeaseTest extends TickLeaseContract {
    @Override
    protected TickLease newLease() {
        return new InMemoryTickLease();
    }
}
