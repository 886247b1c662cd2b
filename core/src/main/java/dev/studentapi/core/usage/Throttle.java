package dev.studentapi.core.usage;

/**
 * Token buckets, each named by a pair of ids ({@code planId}, {@code keyId}: a plan and key, or any other pair
 * the gateway chooses for a bucket of its own) and built on the throttle settings given. Safe for concurrent use:
 * when many threads race for the last tokens, no more requests are allowed than there were tokens. A change of
 * the settings takes effect on the next call. Time comes from the clock the implementation was given. An allowed
 * request learns the tokens left and when the next one comes; a rejected one, when a token is back.
 */
public interface Throttle {
    ThrottleDecision tryConsume(String planId, String keyId, ThrottleSettings settings);
}
