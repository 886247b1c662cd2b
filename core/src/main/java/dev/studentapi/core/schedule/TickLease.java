package dev.studentapi.core.schedule;

import java.time.Instant;

/**
 * Records which instance runs each tick of a schedule, in the store that all instances share. Atomic: when
 * several instances claim the same tick at once, exactly one succeeds.
 */
public interface TickLease {

    /** Claims {@code tick} of {@code schedule} for {@code holder}; false when another holder has it. */
    boolean claim(String schedule, Instant tick, String holder);
}
