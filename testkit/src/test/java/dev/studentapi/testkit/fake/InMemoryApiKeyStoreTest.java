package dev.studentapi.testkit.fake;

import dev.studentapi.testkit.contract.ApiKeyStoreContract;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {
    @Override
    protected Stores newStores() {
        InMemoryUsagePlanStore plans = new InMemoryUsagePlanStore();
        return new Stores(new InMemoryApiKeyStore(plans), plans);
    }
}
