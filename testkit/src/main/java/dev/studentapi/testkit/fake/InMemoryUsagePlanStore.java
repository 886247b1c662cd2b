package dev.studentapi.testkit.fake;

import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanStore;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Usage plans and key bindings in maps; for core tests. Safe for concurrent use (every method is synchronized). */
public final class InMemoryUsagePlanStore implements UsagePlanStore {
    private final Map<String, UsagePlan> plans = new LinkedHashMap<>();
    private final Map<String, Set<String>> keysByPlan = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(UsagePlan plan) {
        if (plans.containsKey(plan.id())) {
            return false;
        }
        plans.put(plan.id(), plan);
        keysByPlan.put(plan.id(), new TreeSet<>());
        return true;
    }

    @Override
    public synchronized Optional<UsagePlan> findById(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    @Override
    public synchronized List<UsagePlan> list() {
        return plans.values().stream().sorted(ORDER).toList();
    }

    @Override
    public synchronized boolean update(UsagePlan plan) {
        return plans.replace(plan.id(), plan) != null;
    }

    @Override
    public synchronized boolean delete(String id) {
        keysByPlan.remove(id);
        return plans.remove(id) != null;
    }

    @Override
    public synchronized boolean bindKey(String planId, String keyId) {
        Set<String> keys = keysByPlan.get(planId);
        return keys != null && keys.add(keyId);
    }

    @Override
    public synchronized boolean unbindKey(String planId, String keyId) {
        Set<String> keys = keysByPlan.get(planId);
        return keys != null && keys.remove(keyId);
    }

    @Override
    public synchronized List<String> keyIds(String planId) {
        return List.copyOf(keysByPlan.getOrDefault(planId, Set.of()));
    }

    @Override
    public synchronized List<UsagePlan> plansOfKey(String keyId) {
        return keysByPlan.entrySet().stream().filter(e -> e.getValue().contains(keyId))
                .map(e -> plans.get(e.getKey())).sorted(ORDER).toList();
    }

    synchronized void forgetKey(String keyId) {
        keysByPlan.values().forEach(keys -> keys.remove(keyId));
    }

    private static final Comparator<UsagePlan> ORDER =
            Comparator.comparing(UsagePlan::name).thenComparing(UsagePlan::id);
}
