package dev.studentapi.core.lifecycle;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaInput;
import dev.studentapi.core.usage.ThrottleDecision;
import dev.studentapi.core.usage.ThrottleInput;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanDraft;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryKeyActivityStore;
import dev.studentapi.testkit.fake.InMemoryUsageCounter;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyLifecycleTest {

    private static final ApiStage STAGE = new ApiStage("student", "prod");

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryUsagePlanStore planStore = new InMemoryUsagePlanStore();
    private final InMemoryApiKeyStore keyStore = new InMemoryApiKeyStore(planStore);
    private final InMemoryKeyActivityStore activity = new InMemoryKeyActivityStore();
    private final List<Runnable> queued = new ArrayList<>();
    /** Holds the background writes until the test runs them, as a busy writer thread would. */
    private final Executor writer = queued::add;
    private final KeyActivityTracker tracker = new KeyActivityTracker(activity, writer);
    private final ApiKeyService keys = new ApiKeyService(keyStore, clock);
    private final UsagePlanService plans = new UsagePlanService(planStore, keyStore, STAGE);
    private final KeyLifecycle lifecycle = new KeyLifecycle(keys, plans, activity, tracker, clock);
    private final Gateway gateway = new Gateway(STAGE, keys, planStore,
            (plan, key, settings) -> ThrottleDecision.allowed(1), new InMemoryUsageCounter(), clock, tracker);

    private UsagePlan plan(String name) {
        return plans.create(new UsagePlanDraft(name, "", new ThrottleInput(null, null), new QuotaInput(null, null, null),
                List.of(STAGE)));
    }

    @Test
    void rotationPutsAnEnabledReplacementOnEveryPlanOfTheOldKeyAndLeavesTheOldOneWorking() {
        UsagePlan plan = plan("gold");
        UsagePlan other = plans.create(new UsagePlanDraft("other", "", new ThrottleInput(null, null),
                new QuotaInput(null, null, null), List.of()));
        IssuedApiKey old = keys.create("partner", "for the partner", true, Optional.empty());
        plans.bind(plan.id(), old.key().id());
        plans.bind(other.id(), old.key().id());

        RotatedKey rotated = lifecycle.rotate(old.key().id(), Optional.empty());

        IssuedApiKey replacement = rotated.replacement();
        assertThat(rotated.replaces()).isEqualTo(old.key().id());
        assertThat(replacement.key().name()).isEqualTo("partner");
        assertThat(replacement.key().description()).isEqualTo("for the partner");
        assertThat(replacement.key().enabled()).isTrue();
        assertThat(rotated.planIds()).containsExactlyInAnyOrder(plan.id(), other.id());
        assertThat(plans.plansOfKey(replacement.key().id())).extracting(UsagePlan::id)
                .containsExactlyInAnyOrder(plan.id(), other.id());
        assertThat(gateway.admit(old.value())).isInstanceOf(Admission.Admitted.class);
        assertThat(gateway.admit(replacement.value())).isInstanceOf(Admission.Admitted.class);
        assertThat(lifecycle.rotate(old.key().id(), Optional.of("partner-2")).replacement().key().name())
                .isEqualTo("partner-2");
    }

    @Test
    void rotatingAnUnknownKeyCreatesNothing() {
        assertThatThrownBy(() -> lifecycle.rotate("nosuchkey0", Optional.empty()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.API_KEY_NOT_FOUND));
        assertThat(keys.list()).isEmpty();
    }

    @Test
    void aFailedWriteIsTriedAgainAtTheNextAdmission() {
        InMemoryKeyActivityStore failingOnce = new InMemoryKeyActivityStore();
        boolean[] fail = {true};
        KeyActivityStore flaky = new KeyActivityStore() {
            @Override
            public Optional<KeyActivity> find(String keyId) {
                return failingOnce.find(keyId);
            }

            @Override
            public List<KeyActivity> list() {
                return failingOnce.list();
            }

            @Override
            public void recordLastUsed(String keyId, Instant time) {
                if (fail[0]) {
                    fail[0] = false;
                    throw new dev.studentapi.core.StoreException("the store is away");
                }
                failingOnce.recordLastUsed(keyId, time);
            }
        };
        KeyActivityTracker retrying = new KeyActivityTracker(flaky, Runnable::run);

        retrying.admitted("k1", clock.instant());
        clock.advance(Duration.ofSeconds(1));
        retrying.admitted("k1", clock.instant());

        assertThat(failingOnce.find("k1").flatMap(KeyActivity::lastUsedDate)).contains(clock.instant());
        assertThat(failingOnce.lastUsedWrites()).isEqualTo(1);
    }

    @Test
    void theStatusShowsExpirationExpiredAndPlans() {
        UsagePlan plan = plan("gold");
        IssuedApiKey key = keys.create("partner", "", true, Optional.empty());
        plans.bind(plan.id(), key.key().id());

        KeyStatus set = lifecycle.setExpiration(key.key().id(), Optional.of(clock.instant().plusSeconds(10)));

        assertThat(set.expirationDate()).contains(clock.instant().plusSeconds(10));
        assertThat(set.expired()).isFalse();
        assertThat(set.planIds()).containsExactly(plan.id());
        clock.advance(Duration.ofSeconds(10));
        assertThat(lifecycle.statuses()).singleElement().satisfies(s -> assertThat(s.expired()).isTrue());
        assertThatThrownBy(() -> lifecycle.setExpiration("nosuchkey0", Optional.empty()))
                .isInstanceOf(Refusal.class);
        assertThat(activity.find("nosuchkey0")).isEmpty();
    }

    @Test
    void lastUseIsShownBeforeItIsWrittenAndWrittenBehindAtMostOncePerMinute() {
        UsagePlan plan = plan("gold");
        IssuedApiKey key = keys.create("partner", "", true, Optional.empty());
        plans.bind(plan.id(), key.key().id());
        String id = key.key().id();
        Instant first = clock.instant();

        gateway.admit(key.value());
        clock.advance(Duration.ofSeconds(30));
        gateway.admit(key.value());

        assertThat(activity.lastUsedWrites()).as("nothing written on the request's thread").isZero();
        assertThat(queued).hasSize(1);
        assertThat(lifecycle.status(id).lastUsedDate()).contains(first.plusSeconds(30));

        queued.forEach(Runnable::run);
        assertThat(activity.find(id).flatMap(KeyActivity::lastUsedDate)).contains(first);
        tracker.flush();
        assertThat(activity.find(id).flatMap(KeyActivity::lastUsedDate)).contains(first.plusSeconds(30));
        assertThat(activity.lastUsedWrites()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(59));
        gateway.admit(key.value());
        assertThat(queued).as("a minute after the flushed write, not before").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        gateway.admit(key.value());
        assertThat(queued).hasSize(2);
    }
}
