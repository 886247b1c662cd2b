package dev.studentapi.core.audit;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.RandomTokens;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanStore;
import dev.studentapi.core.usage.UsageService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records who changed what: every successful change of keys, plans, bindings and usage, made through the control
 * plane or the CLI, with summaries of the target before and after it (see {@link AuditSummaries}). A change that
 * is refused is not recorded.
 */
public final class AuditTrail {

    /** Who the CLI acts as. */
    public static final String CLI = "cli";

    private final AuditLog log;
    private final ApiKeyStore keys;
    private final UsagePlanStore plans;
    private final UsageService usage;
    private final Clock clock;
    private long lastMillis;
    private int sequence;

    public AuditTrail(AuditLog log, ApiKeyStore keys, UsagePlanStore plans, UsageService usage, Clock clock) {
        this.log = log;
        this.keys = keys;
        this.plans = plans;
        this.usage = usage;
        this.clock = clock;
    }

    /** Runs a change of a target known in advance, recording it when it succeeds. */
    public <T> T change(String who, AuditOperation operation, String target, Supplier<T> action) {
        Optional<AuditSummary> before = snapshot(operation, target);
        T result = action.get();
        record(who, operation, target, before, snapshot(operation, target));
        return result;
    }

    /** Runs a creation, whose target is known only from its result, recording it when it succeeds. */
    public <T> T creation(String who, AuditOperation operation, Supplier<T> action, Function<T, String> target) {
        T result = action.get();
        String created = target.apply(result);
        record(who, operation, created, Optional.empty(), snapshot(operation, created));
        return result;
    }

    /** Adds an entry now. */
    public AuditEntry record(String who, AuditOperation operation, String target, Optional<AuditSummary> before,
                             Optional<AuditSummary> after) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = nextId(now);
        AuditEntry entry = new AuditEntry(id, now, who, operation.awsName(), target, before.orElse(null),
                after.orElse(null));
        log.append(entry);
        return entry;
    }

    /**
     * An id that sorts after every id this trail made before: the millisecond, a sequence number within it (the
     * clock may stand still or step back), and random letters that keep ids of other processes apart.
     */
    private synchronized String nextId(Instant now) {
        long millis = Math.max(now.toEpochMilli(), lastMillis);
        sequence = millis == lastMillis ? sequence + 1 : 0;
        lastMillis = millis;
        return String.format("%013d-%04d%s", millis, sequence, RandomTokens.id());
    }

    /** The target's state as the operation's kind of summary; empty when it does not exist (or no longer). */
    public Optional<AuditSummary> snapshot(AuditOperation operation, String target) {
        return switch (operation.subject()) {
            case KEY -> key(target);
            case PLAN -> plan(target);
            case TAGGED -> key(target).or(() -> plan(target));
            case BINDING -> planAndKey(target).flatMap(ids -> binding(ids.get(0), ids.get(1)));
            case USAGE -> planAndKey(target).flatMap(ids -> usage(ids.get(0), ids.get(1)));
        };
    }

    /** The "after" of a rotated key: its replacement's summary, led by the replacement's id. */
    public Optional<AuditSummary> replacement(String newKeyId) {
        return key(newKeyId).map(summary -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("replacementKeyId", newKeyId);
            fields.putAll(summary.fields());
            return new AuditSummary(fields);
        });
    }

    public AuditPage list(AuditQuery query) {
        return log.list(query);
    }

    /** The target of a change of one key on one plan. */
    public static String planKey(String planId, String keyId) {
        return planId + ":" + keyId;
    }

    private Optional<AuditSummary> key(String keyId) {
        return keys.findById(keyId).map(key -> AuditSummaries.key(key,
                plans.plansOfKey(keyId).stream().map(UsagePlan::id).toList(),
                key.expiration()));
    }

    private Optional<AuditSummary> plan(String planId) {
        return plans.findById(planId).map(plan -> AuditSummaries.plan(plan, plans.keyIds(planId)));
    }

    private Optional<AuditSummary> binding(String planId, String keyId) {
        if (!plans.keyIds(planId).contains(keyId)) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findById(keyId);
        return key.map(k -> AuditSummaries.binding(planId, k));
    }

    private Optional<AuditSummary> usage(String planId, String keyId) {
        try {
            return Optional.of(AuditSummaries.usage(planId, keyId, usage.remaining(planId, keyId)));
        } catch (Refusal absent) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> planAndKey(String target) {
        int colon = target.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(List.of(target.substring(0, colon), target.substring(colon + 1)));
    }
}
