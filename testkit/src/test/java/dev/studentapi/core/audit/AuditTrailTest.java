package dev.studentapi.core.audit;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.MethodThrottles;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsageService;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryAuditLog;
import dev.studentapi.testkit.fake.InMemoryUsageCounter;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest {

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryUsagePlanStore plans = new InMemoryUsagePlanStore();
    private final InMemoryApiKeyStore keyStore = new InMemoryApiKeyStore(plans);
    private final ApiKeyService keys = new ApiKeyService(keyStore, clock);
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final AuditTrail trail = new AuditTrail(log, keyStore, plans,
            new UsageService(plans, new InMemoryUsageCounter(), clock), clock);

    private List<AuditEntry> entries() {
        return log.list(AuditQuery.newest()).entries();
    }

    @Test
    void recordsACreationWithTheStateAfterAndAChangeWithBothStates() {
        IssuedApiKey key = trail.creation(AuditTrail.CLI, AuditOperation.CREATE_API_KEY,
                () -> keys.create("partner", "", true, Optional.empty()), issued -> issued.key().id());
        trail.change("AKIAEXAMPLE", AuditOperation.UPDATE_API_KEY, key.key().id(),
                () -> keys.setEnabled(key.key().id(), false));

        assertThat(entries()).extracting(AuditEntry::operation).containsExactly("UpdateApiKey", "CreateApiKey");
        AuditEntry update = entries().get(0);
        assertThat(update.who()).isEqualTo("AKIAEXAMPLE");
        assertThat(update.time()).isEqualTo(clock.instant());
        assertThat(update.before().fields()).containsEntry("enabled", true).containsEntry("name", "partner");
        assertThat(update.after().fields()).containsEntry("enabled", false);
        assertThat(entries().get(1).before()).isNull();
        assertThat(entries().get(1).after().fields()).doesNotContainKeys("value", "valueHash")
                .doesNotContainValue(key.value()).doesNotContainValue(key.key().valueHash().hex());
    }

    @Test
    void aRefusedChangeIsNotRecorded() {
        assertThatThrownBy(() -> trail.change(AuditTrail.CLI, AuditOperation.UPDATE_API_KEY, "nosuchkey0",
                () -> keys.setEnabled("nosuchkey0", false))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> trail.creation(AuditTrail.CLI, AuditOperation.CREATE_API_KEY,
                () -> keys.create(" ", "", true, Optional.empty()), issued -> issued.key().id()))
                .isInstanceOf(Refusal.class);

        assertThat(entries()).isEmpty();
    }

    @Test
    void entriesRecordedInTheSameMillisecondKeepTheirOrder() {
        for (int i = 0; i < 50; i++) {
            trail.record(AuditTrail.CLI, AuditOperation.UPDATE_API_KEY, "k" + i, Optional.empty(), Optional.empty());
        }
        clock.set(clock.instant().minusSeconds(1));
        trail.record(AuditTrail.CLI, AuditOperation.UPDATE_API_KEY, "after-the-clock-stepped-back",
                Optional.empty(), Optional.empty());

        List<String> targets = log.list(new AuditQuery(Optional.empty(), Optional.empty(), 100, Optional.empty()))
                .entries().stream().map(AuditEntry::target).toList();
        assertThat(targets.get(0)).isEqualTo("after-the-clock-stepped-back");
        assertThat(targets.subList(1, 51)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).map(i -> 49 - i).mapToObj(i -> "k" + i).toList());
    }

    @Test
    void aSummaryRefusesAFieldNamedLikeAValueOrSecretWhoeverBuildsIt() {
        for (String name : List.of("value", "valueHash", "secretAccessKey", "Secret", "password")) {
            assertThatThrownBy(() -> new AuditSummary(Map.of(name, "x"))).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new AuditSummary(Map.of("name", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditSummary(Map.of("burstLimit", 10)).fields()).containsEntry("burstLimit", 10L);
    }

    @Test
    void aPositionIsOpaqueAndAnythingElseIsRefused() {
        AuditPosition position = new AuditPosition("1764583200000-0001abcdefghij");

        assertThat(AuditPosition.parse(position.token())).isEqualTo(position);
        assertThat(position.token()).doesNotContain("1764583200000");
        for (String bad : List.of("not-a-position", "", "%%%", "MTIz")) {
            assertThatThrownBy(() -> AuditPosition.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPlansSummaryNamesItsMethodThrottlesSoThatChangingOnlyThoseIsSeen() {
        ApiStage stage = new ApiStage("student", "prod");
        UsagePlan plain = new UsagePlan("plan1", "StudentUsagePlan", "", new ThrottleSettings(10, 20), null,
                List.of(stage));
        UsagePlan throttled = plain.withMethodThrottles(Map.of(stage, new MethodThrottles(Map.of(
                "/students/GET", new ThrottleSettings(2, 4), "/*/*", new ThrottleSettings(5, 5)))));

        AuditSummary before = AuditSummaries.plan(plain, List.of());
        AuditSummary after = AuditSummaries.plan(throttled, List.of());

        assertThat(before.fields()).doesNotContainKey("methodThrottles");
        assertThat(after.fields()).containsEntry("methodThrottles", List.of(
                "student:prod /*/* rateLimit=5.0 burstLimit=5", "student:prod /students/GET rateLimit=2.0 burstLimit=4"));
        assertThat(after).isNotEqualTo(before);
    }
}
