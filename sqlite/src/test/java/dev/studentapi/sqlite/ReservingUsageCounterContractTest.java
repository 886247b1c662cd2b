package dev.studentapi.sqlite;

import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.contract.UsageCounterContract;

/** The block reservation on fake units keeps the contract of every usage counter. */
class ReservingUsageCounterContractTest extends UsageCounterContract {
    @Override
    protected UsageCounter newCounter() {
        return new ReservingUsageCounter(new FakeUsageUnits(), MutableClock.at("2025-07-06T08:00:00Z"));
    }
}
