package dev.studentapi.testkit.fake;

import dev.studentapi.core.lifecycle.KeyActivityStore;
import dev.studentapi.testkit.contract.KeyActivityStoreContract;

class InMemoryKeyActivityStoreTest extends KeyActivityStoreContract {
    @Override
    protected KeyActivityStore newStore() {
        return new InMemoryKeyActivityStore();
    }
}
