package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules of a plan's method throttles: their keys, which one applies, and how a plan's change keeps them. */
class MethodThrottlesTest {

    private static final ApiStage PROD = new ApiStage("student", "prod");
    private static final ThrottleSettings SLOW = new ThrottleSettings(1, 2);
    private static final ThrottleSettings FAST = new ThrottleSettings(100, 200);

    private final InMemoryUsagePlanStore store = new InMemoryUsagePlanStore();
    private final UsagePlanService plans = new UsagePlanService(store, new InMemoryApiKeyStore(store), PROD);

    private static RefusalCode refusalOf(Runnable call) {
        return catchThrowableOfType(Refusal.class, call::run).code();
    }

    @Test
    void aMethodsOwnThrottleWinsOverTheOneForAllMethods() {
        MethodThrottles throttles = new MethodThrottles(Map.of("/students/GET", SLOW, MethodThrottles.ALL_METHODS,
                FAST));

        assertThat(throttles.forMethod(MethodThrottles.key("/students", "get"))).contains(SLOW);
        assertThat(throttles.forMethod(MethodThrottles.key("/backup", "POST"))).contains(FAST);
        assertThat(new MethodThrottles(Map.of("/students/GET", SLOW)).forMethod("/students/POST")).isEmpty();
    }

    @Test
    void keysAreAResourcePathAndAMethod() {
        for (String good : List.of("/students/GET", "//GET", "/students/{studentid}/DELETE", "/*/*", "/backups/*")) {
            assertThat(MethodThrottles.checkedKey(good)).isEqualTo(good);
        }
        for (String bad : List.of("students/GET", "/students", "/students/FETCH", "/students/get", "", "/ x/GET")) {
            assertThat(refusalOf(() -> MethodThrottles.checkedKey(bad))).as(bad)
                    .isEqualTo(RefusalCode.METHOD_THROTTLE_KEY_INVALID);
        }
    }

    @Nested
    class OnAPlan {
        private UsagePlan create(Map<String, ThrottleInput> methods) {
            return plans.create(new UsagePlanDraft("p", "", null, null, List.of(PROD), Map.of(), Map.of(PROD, methods)));
        }

        @Test
        void areValidatedWhenThePlanIsCreated() {
            assertThat(refusalOf(() -> create(Map.of("/students/GET", new ThrottleInput(1.0, null)))))
                    .isEqualTo(RefusalCode.THROTTLE_INCOMPLETE);
            assertThat(refusalOf(() -> create(Map.of("/students/GET", new ThrottleInput(1.0, 0)))))
                    .isEqualTo(RefusalCode.THROTTLE_BURST_INVALID);
            assertThat(refusalOf(() -> plans.create(new UsagePlanDraft("p", "", null, null, List.of(), Map.of(),
                    Map.of(PROD, Map.of("/students/GET", new ThrottleInput(1.0, 1)))))))
                    .isEqualTo(RefusalCode.STAGE_NOT_ON_PLAN);
            assertThat(plans.list()).isEmpty();
        }

        @Test
        void changeOneNumberAtATimeAndGoWithTheirStage() {
            UsagePlan plan = create(Map.of("/students/GET", new ThrottleInput(1.0, 2)));

            UsagePlan faster = plans.change(plan.id(), d -> d.withMethodThrottle(PROD, "/students/GET",
                    t -> t.withRateLimit(5.0)));
            assertThat(faster.methodThrottles(PROD).byMethod())
                    .containsExactly(Map.entry("/students/GET", new ThrottleSettings(5, 2)));

            UsagePlan stageless = plans.change(plan.id(), d -> d.withoutStage(PROD));
            assertThat(stageless.methodThrottles()).isEmpty();
        }
    }
}
