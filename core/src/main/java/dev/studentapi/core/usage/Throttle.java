package dev.studentapi.core.usage;

/**
 * Token buckets per (plan, key), built on the plan's throttle settings. Safe for concurrent use: when many
 * threads race for the last tokens, no more requests are allowed than there were tokens. A change of the
 * settings takes effect on the next call. Time comes from the clock the implementation was given.
 */
public interface Throttle {
    ThrottleDecision tryConsume(String planId, String keyId, ThrottleSettings settings);
}
