package dev.studentapi.testkit.contract;

import dev.studentapi.core.lifecycle.KeyActivity;
import dev.studentapi.core.lifecycle.KeyActivityStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link KeyActivityStore} must do; extend it with a factory for the engine under test. */
public abstract class KeyActivityStoreContract {

    static final Instant USED = Instant.parse("2026-12-01T10:00:00.123Z");
    static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00.000Z");

    private KeyActivityStore store;

    /** A new, empty store of the engine under test; the subclass closes whatever it opened. */
    protected abstract KeyActivityStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void knowsNothingOfAKeyNeverUsedAndWithoutExpiration() {
        assertThat(store.find("k1")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void keepsTheLastUseAndTheExpirationSideBySide() {
        store.recordLastUsed("k1", USED);
        store.setExpiration("k1", Optional.of(EXPIRES));
        store.setExpiration("k2", Optional.of(EXPIRES));

        assertThat(store.find("k1")).contains(new KeyActivity("k1", Optional.of(USED), Optional.of(EXPIRES)));
        assertThat(store.find("k2")).contains(new KeyActivity("k2", Optional.empty(), Optional.of(EXPIRES)));
        assertThat(store.list()).containsExactlyInAnyOrder(
                new KeyActivity("k1", Optional.of(USED), Optional.of(EXPIRES)),
                new KeyActivity("k2", Optional.empty(), Optional.of(EXPIRES)));
    }

    @Test
    void keepsTheLaterOfTwoUses() {
        store.recordLastUsed("k1", USED.plusSeconds(60));
        store.recordLastUsed("k1", USED);

        assertThat(store.find("k1").flatMap(KeyActivity::lastUsedDate)).contains(USED.plusSeconds(60));

        store.recordLastUsed("k1", USED.plusSeconds(120));

        assertThat(store.find("k1").flatMap(KeyActivity::lastUsedDate)).contains(USED.plusSeconds(120));
    }

    @Test
    void removesAnExpirationAndKeepsTheLastUse() {
        store.setExpiration("k1", Optional.of(EXPIRES));
        store.recordLastUsed("k1", USED);

        store.setExpiration("k1", Optional.empty());

        assertThat(store.find("k1")).contains(new KeyActivity("k1", Optional.of(USED), Optional.empty()));
    }
}
