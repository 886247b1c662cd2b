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

    private KeyActivityStore store;

    /** A new, empty store of the engine under test; the subclass closes whatever it opened. */
    protected abstract KeyActivityStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void knowsNothingOfAKeyNeverUsed() {
        assertThat(store.find("k1")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void keepsTheLastUseOfEachKey() {
        store.recordLastUsed("k1", USED);
        store.recordLastUsed("k2", USED.plusSeconds(1));

        assertThat(store.find("k1")).contains(new KeyActivity("k1", Optional.of(USED)));
        assertThat(store.list()).containsExactlyInAnyOrder(new KeyActivity("k1", Optional.of(USED)),
                new KeyActivity("k2", Optional.of(USED.plusSeconds(1))));
    }

    @Test
    void keepsTheLaterOfTwoUses() {
        store.recordLastUsed("k1", USED.plusSeconds(60));
        store.recordLastUsed("k1", USED);

        assertThat(store.find("k1").flatMap(KeyActivity::lastUsedDate)).contains(USED.plusSeconds(60));

        store.recordLastUsed("k1", USED.plusSeconds(120));

        assertThat(store.find("k1").flatMap(KeyActivity::lastUsedDate)).contains(USED.plusSeconds(120));
    }
}
