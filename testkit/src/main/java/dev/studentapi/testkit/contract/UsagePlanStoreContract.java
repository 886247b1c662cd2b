package dev.studentapi.testkit.contract;

import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.MethodThrottles;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link UsagePlanStore} must do; extend it with a factory for the engine under test. */
public abstract class UsagePlanStoreContract {

    private UsagePlanStore plans;

    /** A new, empty store of the engine under test; the subclass closes whatever it opened. */
    protected abstract UsagePlanStore newStore();

    @BeforeEach
    void createStore() {
        plans = newStore();
    }

    /** The reference system's plan shape: 5 req/s, burst 10, 1000 a day, on {@code student:prod}. */
    static UsagePlan plan(String id, String name) {
        return new UsagePlan(id, name, "Limits for the student records API", new ThrottleSettings(5, 10),
                new QuotaSettings(1000, QuotaPeriod.DAY, 0), List.of(new ApiStage("student", "prod")));
    }

    @Test
    void findsACreatedPlanById() {
        UsagePlan plan = plan("p1", "StudentUsagePlan");

        assertThat(plans.create(plan)).isTrue();

        assertThat(plans.findById("p1")).contains(plan);
    }

    @Test
    void keepsTheThrottlesOfSingleMethodsPerStage() {
        ApiStage prod = new ApiStage("student", "prod");
        ApiStage beta = new ApiStage("student", "beta");
        UsagePlan plan = plan("p1", "Per method").withApiStages(List.of(prod, beta)).withMethodThrottles(Map.of(
                prod, new MethodThrottles(Map.of("/students/GET", new ThrottleSettings(2, 4),
                        "/students/{studentid}/DELETE", new ThrottleSettings(0.5, 1),
                        MethodThrottles.ALL_METHODS, new ThrottleSettings(1234.5678, 2_000_000))),
                beta, new MethodThrottles(Map.of("//GET", new ThrottleSettings(1, 1)))));

        plans.create(plan);

        assertThat(plans.findById("p1")).contains(plan);
        assertThat(plans.list()).containsExactly(plan);
    }

    @Test
    void replacesAndRemovesMethodThrottlesOnUpdate() {
        ApiStage prod = new ApiStage("student", "prod");
        UsagePlan plan = plan("p1", "Per method").withMethodThrottles(Map.of(prod,
                new MethodThrottles(Map.of("/students/GET", new ThrottleSettings(2, 4)))));
        plans.create(plan);
        plans.bindKey("p1", "k1");

        UsagePlan changed = plan.withMethodThrottles(Map.of(prod,
                new MethodThrottles(Map.of("/students/POST", new ThrottleSettings(3, 6)))));
        assertThat(plans.update(changed)).isTrue();
        assertThat(plans.findById("p1")).contains(changed);
        assertThat(plans.plansOfKey("k1")).containsExactly(changed);

        UsagePlan without = changed.withMethodThrottles(Map.of());
        assertThat(plans.update(without)).isTrue();
        assertThat(plans.findById("p1").orElseThrow().methodThrottles()).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        plans.create(plan("p1", "StudentUsagePlan"));

        assertThat(plans.findById("p2")).isEmpty();
    }

    @Test
    void listsNothingWhenEmpty() {
        assertThat(plans.list()).isEmpty();
    }

    @Test
    void keepsAPlanWithoutThrottleQuotaOrStages() {
        UsagePlan bare = new UsagePlan("p1", "Unlimited", "", null, null, List.of());

        plans.create(bare);

        assertThat(plans.findById("p1")).contains(bare);
    }

    @Test
    void keepsTheTagsOfAPlanAndTheirChanges() {
        UsagePlan tagged = new UsagePlan("p1", "Tagged", "", null, null, List.of(),
                java.util.Map.of("tier", "gold", "a=b&c", "ü é"));

        plans.create(tagged);
        assertThat(plans.findById("p1")).contains(tagged);
        plans.update(tagged.withTags(java.util.Map.of("tier", "silver")));

        assertThat(plans.findById("p1")).map(UsagePlan::tags).hasValue(java.util.Map.of("tier", "silver"));
        assertThat(plans.list()).extracting(UsagePlan::tags).containsExactly(java.util.Map.of("tier", "silver"));
    }

    @Test
    void keepsFractionalRatesEveryQuotaShapeAndTheOrderOfStages() {
        UsagePlan weekly = new UsagePlan("p1", "Gói tuần", "Đặc biệt", new ThrottleSettings(0.25, 1),
                new QuotaSettings(0, QuotaPeriod.WEEK, 6),
                List.of(new ApiStage("student", "prod"), new ApiStage("abc123", "beta"), new ApiStage("a", "b")));
        UsagePlan monthly = new UsagePlan("p2", "Monthly", "", new ThrottleSettings(1234.5678, 2_000_000),
                new QuotaSettings(Long.MAX_VALUE, QuotaPeriod.MONTH, 27), List.of(new ApiStage("student", "prod")));

        plans.create(weekly);
        plans.create(monthly);

        assertThat(plans.findById("p1")).contains(weekly);
        assertThat(plans.findById("p2")).contains(monthly);
    }

    @Test
    void listsPlansByNameThenId() {
        plans.create(plan("p3", "Beta"));
        plans.create(plan("p2", "Alpha"));
        plans.create(plan("p1", "Alpha"));

        assertThat(plans.list()).extracting(UsagePlan::id).containsExactly("p1", "p2", "p3");
    }

    @Test
    void refusesADuplicateIdAndKeepsTheFirstPlan() {
        UsagePlan first = plan("p1", "First");

        plans.create(first);
        boolean created = plans.create(plan("p1", "Second").withThrottle(null));

        assertThat(created).isFalse();
        assertThat(plans.findById("p1")).contains(first);
        assertThat(plans.list()).containsExactly(first);
    }

    @Test
    void updateReplacesThrottleQuotaAndStages() {
        UsagePlan plan = plan("p1", "StudentUsagePlan");
        plans.create(plan);

        for (UsagePlan changed : List.of(
                plan.withQuota(null),
                plan.withQuota(new QuotaSettings(5, QuotaPeriod.MONTH, 3)),
                plan.withThrottle(null).withName("Renamed").withDescription("Changed"),
                plan.withThrottle(new ThrottleSettings(100, 200)),
                plan.withApiStages(List.of()),
                plan.withApiStages(List.of(new ApiStage("x", "dev"), new ApiStage("student", "prod"))))) {
            assertThat(plans.update(changed)).isTrue();
            assertThat(plans.findById("p1")).contains(changed);
        }
    }

    @Test
    void updateKeepsTheKeysBoundToThePlan() {
        UsagePlan plan = plan("p1", "StudentUsagePlan");
        plans.create(plan);
        plans.bindKey("p1", "k1");

        plans.update(plan.withApiStages(List.of(new ApiStage("other", "prod"))).withQuota(null));

        assertThat(plans.keyIds("p1")).containsExactly("k1");
        assertThat(plans.plansOfKey("k1")).extracting(UsagePlan::id).containsExactly("p1");
    }

    @Test
    void updateOfAMissingPlanReturnsFalseAndCreatesNothing() {
        assertThat(plans.update(plan("p1", "Ghost"))).isFalse();

        assertThat(plans.findById("p1")).isEmpty();
        assertThat(plans.list()).isEmpty();
    }

    @Test
    void deleteRemovesThePlanAndItsBindings() {
        plans.create(plan("p1", "Doomed"));
        plans.create(plan("p2", "Survivor"));
        plans.bindKey("p1", "k1");
        plans.bindKey("p2", "k1");

        assertThat(plans.delete("p1")).isTrue();

        assertThat(plans.findById("p1")).isEmpty();
        assertThat(plans.list()).extracting(UsagePlan::id).containsExactly("p2");
        assertThat(plans.keyIds("p1")).isEmpty();
        assertThat(plans.plansOfKey("k1")).extracting(UsagePlan::id).containsExactly("p2");
        assertThat(plans.delete("p1")).isFalse();
    }

    @Test
    void aPlanCreatedAgainAfterDeleteStartsWithoutBindingsOrOldStages() {
        plans.create(plan("p1", "First life"));
        plans.bindKey("p1", "k1");
        plans.delete("p1");
        UsagePlan second = plan("p1", "Second life").withApiStages(List.of(new ApiStage("new", "stage")));

        plans.create(second);

        assertThat(plans.findById("p1")).contains(second);
        assertThat(plans.keyIds("p1")).isEmpty();
    }

    @Test
    void bindKeyReportsWhetherTheBindingIsNew() {
        plans.create(plan("p1", "StudentUsagePlan"));

        assertThat(plans.bindKey("p1", "k1")).isTrue();
        assertThat(plans.bindKey("p1", "k1")).isFalse();

        assertThat(plans.keyIds("p1")).containsExactly("k1");
    }

    @Test
    void bindKeyToAMissingPlanReturnsFalseAndBindsNothing() {
        assertThat(plans.bindKey("p1", "k1")).isFalse();

        assertThat(plans.plansOfKey("k1")).isEmpty();
        assertThat(plans.keyIds("p1")).isEmpty();
    }

    @Test
    void unbindKeyReportsWhetherTheKeyWasBound() {
        plans.create(plan("p1", "StudentUsagePlan"));
        plans.bindKey("p1", "k2");

        assertThat(plans.unbindKey("p1", "k1")).isFalse();
        plans.bindKey("p1", "k1");
        assertThat(plans.unbindKey("p1", "k1")).isTrue();
        assertThat(plans.unbindKey("p1", "k1")).isFalse();
        assertThat(plans.unbindKey("missing", "k2")).isFalse();

        assertThat(plans.keyIds("p1")).containsExactly("k2");
    }

    @Test
    void keyIdsAreSorted() {
        plans.create(plan("p1", "StudentUsagePlan"));
        for (String keyId : List.of("k3", "k1", "b2", "k2")) {
            plans.bindKey("p1", keyId);
        }

        assertThat(plans.keyIds("p1")).containsExactly("b2", "k1", "k2", "k3");
        assertThat(plans.keyIds("unknown")).isEmpty();
    }

    @Test
    void plansOfKeyListsThePlansTheKeyIsBoundToByNameThenId() {
        plans.create(plan("p4", "Beta"));
        plans.create(plan("p3", "Alpha"));
        plans.create(plan("p2", "Alpha"));
        plans.create(plan("p1", "Not bound"));
        plans.bindKey("p4", "k1");
        plans.bindKey("p3", "k1");
        plans.bindKey("p2", "k1");
        plans.bindKey("p1", "k2");

        assertThat(plans.plansOfKey("k1")).extracting(UsagePlan::id).containsExactly("p2", "p3", "p4");
        assertThat(plans.plansOfKey("k1").get(0)).isEqualTo(plan("p2", "Alpha"));
        assertThat(plans.plansOfKey("k9")).isEmpty();
    }
}
