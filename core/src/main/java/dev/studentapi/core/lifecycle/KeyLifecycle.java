package dev.studentapi.core.lifecycle;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A key's life beyond AWS's fields: its status (last used, expiration, plans), setting its expiration, and
 * rotating it (a replacement on the same plans, the old key left enabled until the operator disables it).
 */
public final class KeyLifecycle {

    private final ApiKeyService keys;
    private final UsagePlanService plans;
    private final KeyActivityStore activity;
    private final KeyActivityTracker tracker;
    private final Clock clock;

    public KeyLifecycle(ApiKeyService keys, UsagePlanService plans, KeyActivityStore activity,
                        KeyActivityTracker tracker, Clock clock) {
        this.keys = keys;
        this.plans = plans;
        this.activity = activity;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** Every key's status, in the keys' order (name, then id). */
    public List<KeyStatus> statuses() {
        Map<String, KeyActivity> stored = activity.list().stream()
                .collect(Collectors.toMap(KeyActivity::keyId, Function.identity(), (a, b) -> a));
        Instant now = clock.instant();
        List<KeyStatus> statuses = new ArrayList<>();
        for (ApiKey key : keys.list()) {
            statuses.add(status(key, stored.getOrDefault(key.id(), KeyActivity.none(key.id())), now));
        }
        return statuses;
    }

    /** One key's status; refuses an unknown key with API_KEY_NOT_FOUND. */
    public KeyStatus status(String keyId) {
        ApiKey key = keys.get(keyId);
        return status(key, activity.find(keyId).orElse(KeyActivity.none(keyId)), clock.instant());
    }

    /**
     * Sets the key's expiration time (empty: never expires), effective from the next request; refuses an
     * unknown key with API_KEY_NOT_FOUND.
     */
    public KeyStatus setExpiration(String keyId, Optional<Instant> expiration) {
        ApiKey key = keys.setExpiration(keyId, expiration);
        return status(key, activity.find(keyId).orElse(KeyActivity.none(keyId)), clock.instant());
    }

    /**
     * Creates an enabled replacement of the key, named {@code name} or as the old one, on every plan the old key
     * is on; the old key is left as it is. Refuses an unknown key with API_KEY_NOT_FOUND; when a plan cannot take
     * the replacement, the replacement is removed and the refusal passed on.
     */
    public RotatedKey rotate(String keyId, Optional<String> name) {
        ApiKey old = keys.get(keyId);
        List<String> planIds = plans.plansOfKey(keyId).stream().map(UsagePlan::id).toList();
        IssuedApiKey replacement = keys.create(name.filter(n -> !n.isBlank()).orElse(old.name()),
                old.description(), true, Optional.empty());
        try {
            for (String planId : planIds) {
                plans.bind(planId, replacement.key().id());
            }
        } catch (RuntimeException e) {
            keys.delete(replacement.key().id());
            throw e;
        }
        return new RotatedKey(replacement, planIds, keyId);
    }

    private KeyStatus status(ApiKey key, KeyActivity stored, Instant now) {
        Optional<Instant> lastUsed = later(stored.lastUsedDate(), tracker.lastAdmitted(key.id()));
        List<String> planIds = plans.plansOfKey(key.id()).stream().map(UsagePlan::id).toList();
        return new KeyStatus(key, lastUsed, key.expiration(), key.expiredAt(now), planIds);
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
