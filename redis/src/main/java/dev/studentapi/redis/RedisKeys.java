package dev.studentapi.redis;

import dev.studentapi.core.usage.QuotaWindow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Names the Redis keys of one deployment, all under {@code prefix}. The plan and key ids are a hash tag, so
 * one key's buckets and counters live on the same cluster slot; ids are URL-encoded so that they cannot
 * run into one another.
 */
record RedisKeys(String prefix) {

    RedisKeys {
        if (prefix == null) {
            throw new IllegalArgumentException("the Redis key prefix must not be null");
        }
    }

    String bucket(String planId, String keyId) {
        return prefix + "throttle:" + owner(planId, keyId);
    }

    String window(String planId, String keyId, QuotaWindow window) {
        return prefix + "quota:" + owner(planId, keyId) + ":" + window.start() + "/" + window.end();
    }

    String day(String planId, String keyId, LocalDate day) {
        return prefix + "day:" + owner(planId, keyId) + ":" + day;
    }

    private static String owner(String planId, String keyId) {
        return "{" + encode(planId) + "/" + encode(keyId) + "}";
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
