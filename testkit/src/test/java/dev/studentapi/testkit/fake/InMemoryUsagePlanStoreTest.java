package dev.studentapi.testkit.fake;

import dev.studentapi.core.usage.UsagePlanStore;
import dev.studentapi.testkit.contract.UsagePlanStoreContract;

class InMemoryUsagePlanStoreTest extends UsagePlanStoreContract {
    @Override
    protected UsagePlanStore newStore() {
        return new InMemoryUsagePlanStore();
    }
}
