package dev.studentapi.core.usage;

import java.util.List;
import java.util.Optional;

/**
 * Stores usage plans and which API keys are bound to them. Safe for concurrent use; engine failures
 * throw StoreException. A change is visible to every reader, in this process or another, at once.
 */
public interface UsagePlanStore {

    /** Adds the plan; returns {@code false} when its id is taken. */
    boolean create(UsagePlan plan);

    Optional<UsagePlan> findById(String id);

    /** Every plan ordered by name then id. */
    List<UsagePlan> list();

    /** Replaces the stored plan with the same id; returns {@code false} when there is none. */
    boolean update(UsagePlan plan);

    /** Removes the plan and its key bindings; returns {@code false} when there is none. */
    boolean delete(String id);

    /** Binds the key to the plan; returns {@code false} when it already is. */
    boolean bindKey(String planId, String keyId);

    /** Unbinds the key from the plan; returns {@code false} when it was not bound. */
    boolean unbindKey(String planId, String keyId);

    /** The ids of the keys bound to the plan, sorted. */
    List<String> keyIds(String planId);

    /** The plans the key is bound to, ordered by name then id. */
    List<UsagePlan> plansOfKey(String keyId);
}
