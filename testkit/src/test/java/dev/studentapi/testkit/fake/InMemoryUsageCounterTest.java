package dev.studentapi.testkit.fake;

import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.testkit.contract.UsageCounterContract;

class InMemoryUsageCounterTest extends UsageCounterContract {
    @Override
    protected UsageCounter newCounter() {
        return new InMemoryUsageCounter();
    }
}
