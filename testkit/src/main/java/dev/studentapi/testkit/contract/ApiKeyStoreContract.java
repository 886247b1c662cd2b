package dev.studentapi.testkit.contract;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.apikey.SealedValue;
import dev.studentapi.core.usage.UsagePlanStore;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.studentapi.testkit.contract.UsagePlanStoreContract.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ApiKeyStore} must do; extend it with a factory for the engine under test. Timestamps are
 * compared at millisecond precision, the finest that every engine keeps.
 */
public abstract class ApiKeyStoreContract {

    /** An API key store and the usage plan store of the same engine, which share key bindings. */
    public record Stores(ApiKeyStore keys, UsagePlanStore plans) {}

    static final Instant CREATED = Instant.parse("2025-07-06T10:15:30.123Z");
    static final Instant UPDATED = Instant.parse("2025-07-07T08:00:00.456Z");
    static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00.789Z");

    private ApiKeyStore keys;
    private UsagePlanStore plans;

    /** New, empty stores of the engine under test; the subclass closes whatever it opened. */
    protected abstract Stores newStores();

    @BeforeEach
    void createStores() {
        Stores stores = newStores();
        keys = stores.keys();
        plans = stores.plans();
    }

    static ApiKey key(String id, String name, String value) {
        return new ApiKey(id, name, "Key for the student records API", true, CREATED, CREATED, KeyHash.of(value));
    }

    @Test
    void findsACreatedKeyByIdAndByHash() {
        ApiKey key = key("k1", "StudentApiKey", "value-one-0123456789");

        assertThat(keys.create(key)).isTrue();

        assertThat(keys.findById("k1")).contains(key);
        assertThat(keys.findByHash(KeyHash.of("value-one-0123456789"))).contains(key);
    }

    @Test
    void keepsTheCustomerIdTagsAndSealedValueOfAKeyAndTheirChanges() {
        ApiKey key = new ApiKey("k1", "", "", true, CREATED, CREATED, KeyHash.of("value-one-0123456789"), "cust-1",
                java.util.Map.of("team", "registry", "a=b&c", "ü é"), new SealedValue("v1.c2VhbGVk"));

        keys.create(key);
        ApiKey changed = key.withCustomerId("", UPDATED).withTags(java.util.Map.of()).withSealedValue(null);
        keys.update(changed);

        assertThat(keys.findByHash(KeyHash.of("value-one-0123456789"))).map(ApiKey::customerId).hasValue("");
        assertThat(keys.findById("k1")).contains(changed);
        keys.update(key);
        assertThat(keys.findById("k1")).contains(key);
        assertThat(keys.list()).containsExactly(key);
    }

    @Test
    void keepsAnExpirationWithTheKeyFoundByIdHashAndList() {
        ApiKey key = key("k1", "StudentApiKey", "value-one-0123456789");
        keys.create(key);

        assertThat(keys.setExpiration("k1", Optional.of(EXPIRES))).isTrue();

        ApiKey expiring = key.withExpiration(Optional.of(EXPIRES));
        assertThat(keys.findById("k1")).contains(expiring);
        assertThat(keys.findByHash(KeyHash.of("value-one-0123456789"))).contains(expiring);
        assertThat(keys.list()).containsExactly(expiring);

        assertThat(keys.setExpiration("k1", Optional.empty())).isTrue();

        assertThat(keys.findById("k1")).contains(key);
        assertThat(keys.findByHash(KeyHash.of("value-one-0123456789"))).contains(key);
    }

    @Test
    void anUpdateKeepsTheExpirationAndSettingItChangesNothingElse() {
        ApiKey key = key("k1", "StudentApiKey", "value-one-0123456789");
        keys.create(key);
        keys.setExpiration("k1", Optional.of(EXPIRES));

        ApiKey renamed = key.withName("Renamed", UPDATED);
        keys.update(renamed);

        assertThat(keys.findById("k1")).contains(renamed.withExpiration(Optional.of(EXPIRES)));
        assertThat(keys.findById("k1")).map(ApiKey::lastUpdatedDate).contains(UPDATED);
    }

    @Test
    void settingTheExpirationOfAnUnknownKeyCreatesNothing() {
        assertThat(keys.setExpiration("nosuchkey0", Optional.of(EXPIRES))).isFalse();

        assertThat(keys.findById("nosuchkey0")).isEmpty();
        assertThat(keys.list()).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownIdOrHash() {
        keys.create(key("k1", "StudentApiKey", "value-one-0123456789"));

        assertThat(keys.findById("k2")).isEmpty();
        assertThat(keys.findByHash(KeyHash.of("value-two-0123456789"))).isEmpty();
    }

    @Test
    void listsNothingWhenEmpty() {
        assertThat(keys.list()).isEmpty();
    }

    @Test
    void listsKeysByNameThenId() {
        keys.create(key("k3", "Beta", "value-three-0123456789"));
        keys.create(key("k2", "Alpha", "value-two-0123456789"));
        keys.create(key("k1", "Alpha", "value-one-0123456789"));

        assertThat(keys.list()).extracting(ApiKey::id).containsExactly("k1", "k2", "k3");
    }

    @Test
    void storesEveryFieldExactly() {
        ApiKey key = new ApiKey("a1b2c3d4e5", "Khóa của Thắng", "", false, CREATED, UPDATED,
                KeyHash.of("custom-value-at-least-20"));

        keys.create(key);

        assertThat(keys.findById("a1b2c3d4e5")).contains(key);
        assertThat(keys.list()).containsExactly(key);
    }

    @Test
    void refusesADuplicateIdAndKeepsTheFirstKey() {
        ApiKey first = key("k1", "First", "value-one-0123456789");

        keys.create(first);
        boolean created = keys.create(key("k1", "Second", "value-two-0123456789"));

        assertThat(created).isFalse();
        assertThat(keys.findById("k1")).contains(first);
        assertThat(keys.findByHash(KeyHash.of("value-two-0123456789"))).isEmpty();
    }

    @Test
    void refusesADuplicateValueHashAndKeepsTheFirstKey() {
        ApiKey first = key("k1", "First", "same-value-0123456789");

        keys.create(first);
        boolean created = keys.create(key("k2", "Second", "same-value-0123456789"));

        assertThat(created).isFalse();
        assertThat(keys.findById("k2")).isEmpty();
        assertThat(keys.findByHash(KeyHash.of("same-value-0123456789"))).contains(first);
        assertThat(keys.list()).containsExactly(first);
    }

    @Test
    void updateReplacesTheStoredKey() {
        ApiKey key = key("k1", "StudentApiKey", "value-one-0123456789");
        keys.create(key);
        ApiKey changed = key.withEnabled(false, UPDATED).withName("Renamed", UPDATED)
                .withDescription("Disabled for the holidays", UPDATED);

        assertThat(keys.update(changed)).isTrue();

        assertThat(keys.findById("k1")).contains(changed);
        assertThat(keys.findByHash(key.valueHash())).contains(changed);
        assertThat(keys.list()).containsExactly(changed);
    }

    @Test
    void updateOfAMissingKeyReturnsFalseAndCreatesNothing() {
        assertThat(keys.update(key("k1", "Ghost", "value-one-0123456789"))).isFalse();

        assertThat(keys.findById("k1")).isEmpty();
        assertThat(keys.list()).isEmpty();
    }

    @Test
    void deleteRemovesTheKey() {
        ApiKey key = key("k1", "StudentApiKey", "value-one-0123456789");
        keys.create(key);

        assertThat(keys.delete("k1")).isTrue();

        assertThat(keys.findById("k1")).isEmpty();
        assertThat(keys.findByHash(key.valueHash())).isEmpty();
        assertThat(keys.list()).isEmpty();
        assertThat(keys.delete("k1")).isFalse();
    }

    @Test
    void deleteFreesTheIdAndTheValueHash() {
        ApiKey key = key("k1", "StudentApiKey", "value-one-0123456789");
        keys.create(key);
        keys.delete("k1");

        assertThat(keys.create(key)).isTrue();
        assertThat(keys.findByHash(key.valueHash())).contains(key);
    }

    @Test
    void deleteRemovesTheKeysBindingsToUsagePlans() {
        keys.create(key("k1", "Doomed", "value-one-0123456789"));
        keys.create(key("k2", "Survivor", "value-two-0123456789"));
        plans.create(plan("p1", "StudentUsagePlan"));
        plans.create(plan("p2", "OtherPlan"));
        plans.bindKey("p1", "k1");
        plans.bindKey("p2", "k1");
        plans.bindKey("p1", "k2");

        keys.delete("k1");

        assertThat(plans.plansOfKey("k1")).isEmpty();
        assertThat(plans.keyIds("p1")).containsExactly("k2");
        assertThat(plans.keyIds("p2")).isEmpty();
    }

    @Test
    void letsExactlyOneOfTwentyConcurrentCreatesOfOneIdWin() throws Exception {
        List<Boolean> results = Race.run(20, thread ->
                keys.create(key("k1", "Racer " + thread, "value-of-racer-" + thread + "-0123456789")));

        assertThat(results).containsOnlyOnce(true);
        assertThat(keys.list()).extracting(ApiKey::name).containsExactly("Racer " + results.indexOf(true));
    }

    @Test
    void letsExactlyOneOfTwentyConcurrentCreatesOfOneValueWin() throws Exception {
        List<Boolean> results = Race.run(20, thread ->
                keys.create(key("k" + thread, "Racer " + thread, "one-shared-value-0123456789")));

        assertThat(results).containsOnlyOnce(true);
        assertThat(keys.list()).extracting(ApiKey::id).containsExactly("k" + results.indexOf(true));
    }
}
