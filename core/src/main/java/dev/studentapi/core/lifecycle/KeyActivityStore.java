package dev.studentapi.core.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores each key's last-used time, beside the keys themselves. Safe for concurrent use and across processes: a
 * change is seen by every reader at once. Engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public interface KeyActivityStore {

    /** The key's activity; a key never used may be absent. */
    Optional<KeyActivity> find(String keyId);

    /** Every stored activity, in no particular order. */
    List<KeyActivity> list();

    /** Records that the key was used at {@code time}; a later time already stored is kept. */
    void recordLastUsed(String keyId, Instant time);
}
