package dev.studentapi.controlplane;

import dev.studentapi.core.gateway.Admission;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.UpdateUsagePlanResponse;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Usage plans, their keys, usage and the published API through the AWS SDK, each change checked against the
 * data plane's gateway.
 */
class UsagePlanOperationsTest extends SdkSuite {

    @Nested
    class UsagePlans {
        @Test
        void createsReadsAndListsPlansAlsoByKey() {
            CreateUsagePlanResponse created = plan("StudentUsagePlan", 1000);
            String other = api.createUsagePlan(r -> r.name("other")).id();
            String keyId = key("k").id();
            api.createUsagePlanKey(r -> r.usagePlanId(created.id()).keyId(keyId).keyType("API_KEY"));

            var read = api.getUsagePlan(r -> r.usagePlanId(created.id()));

            assertThat(read.name()).isEqualTo("StudentUsagePlan");
            assertThat(read.apiStages()).containsExactly(STUDENT_PROD);
            assertThat(read.throttle().rateLimit()).isEqualTo(5.0);
            assertThat(read.throttle().burstLimit()).isEqualTo(10);
            assertThat(read.quota().limit()).isEqualTo(1000);
            assertThat(read.quota().period()).isEqualTo(QuotaPeriodType.DAY);
            assertThat(api.getUsagePlans(r -> r.limit(10)).items()).extracting(p -> p.id())
                    .containsExactlyInAnyOrder(created.id(), other);
            assertThat(api.getUsagePlans(r -> r.keyId(keyId)).items()).extracting(p -> p.id())
                    .containsExactly(created.id());
            assertThat(api.getUsagePlan(r -> r.usagePlanId(other)).quota()).isNull();
        }

        @Test
        void apiStagesMustNameThePublishedApiAndStage() {
            assertThatThrownBy(() -> api.createUsagePlan(r -> r.name("x")
                    .apiStages(ApiStage.builder().apiId("elsewhere").stage("prod").build())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> api.createUsagePlan(r -> r.name("x")
                    .apiStages(ApiStage.builder().apiId("student").stage("dev").build())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> api.createUsagePlan(r -> r.name("x")
                    .quota(QuotaSettings.builder().limit(5).period(QuotaPeriodType.DAY).offset(3).build())))
                    .isInstanceOf(BadRequestException.class);
        }

        @Test
        void loweringTheQuotaIsEnforcedOnTheNextRequest() {
            String planId = plan("p", 100).id();
            String value = boundKey(planId);
            for (int i = 0; i < 3; i++) {
                assertThat(fx.admit(value)).isInstanceOf(Admission.Admitted.class);
            }

            UpdateUsagePlanResponse lowered = api.updateUsagePlan(r -> r.usagePlanId(planId)
                    .patchOperations(replace("/quota/limit", "3")));

            assertThat(lowered.quota().limit()).isEqualTo(3);
            assertThat(fx.admit(value)).isInstanceOf(Admission.QuotaExceeded.class);

            api.updateUsagePlan(r -> r.usagePlanId(planId).patchOperations(op(Op.REMOVE, "/quota", null)));
            assertThat(fx.admit(value)).isInstanceOf(Admission.Admitted.class);
        }

        @Test
        void replacesThrottleQuotaNameAndDescription() {
            String planId = plan("p", 100).id();

            UpdateUsagePlanResponse changed = api.updateUsagePlan(r -> r.usagePlanId(planId).patchOperations(
                    replace("/throttle/rateLimit", "7.5"), replace("/throttle/burstLimit", "3"),
                    replace("/quota/period", "WEEK"), replace("/quota/offset", "2"),
                    replace("/name", "renamed"), replace("/description", "described")));

            assertThat(changed.throttle().rateLimit()).isEqualTo(7.5);
            assertThat(changed.throttle().burstLimit()).isEqualTo(3);
            assertThat(changed.quota().period()).isEqualTo(QuotaPeriodType.WEEK);
            assertThat(changed.quota().offset()).isEqualTo(2);
            assertThat(changed.name()).isEqualTo("renamed");
            assertThat(changed.description()).isEqualTo("described");
            assertThat(fx.plans.get(planId).throttle().rateLimit()).isEqualTo(7.5);
        }

        @Test
        void removingTheApiStageForbidsAndAddingItBackAdmits() {
            String planId = plan("p", 100).id();
            String value = boundKey(planId);

            var removed = api.updateUsagePlan(r -> r.usagePlanId(planId)
                    .patchOperations(op(Op.REMOVE, "/apiStages", "student:prod")));
            assertThat(removed.apiStages()).isEmpty();
            assertThat(fx.admit(value)).isInstanceOf(Admission.Forbidden.class);

            api.updateUsagePlan(r -> r.usagePlanId(planId).patchOperations(op(Op.ADD, "/apiStages", "student:prod")));
            assertThat(fx.admit(value)).isInstanceOf(Admission.Admitted.class);
        }

        @Test
        void badPatchesAreBadRequestsAndChangeNothing() {
            String planId = plan("p", 100).id();

            assertThatThrownBy(() -> api.updateUsagePlan(r -> r.usagePlanId(planId)
                    .patchOperations(replace("/name", "changed"), replace("/productCode", "x"))))
                    .isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> api.updateUsagePlan(r -> r.usagePlanId(planId)
                    .patchOperations(replace("/quota/limit", "lots"))))
                    .isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> api.updateUsagePlan(r -> r.usagePlanId(planId)
                    .patchOperations(op(Op.ADD, "/apiStages", "student:dev"))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(api.getUsagePlan(r -> r.usagePlanId(planId)).name()).isEqualTo("p");
        }

        @Test
        void deletingThePlanForbidsItsKeys() {
            String planId = plan("p", 100).id();
            String value = boundKey(planId);

            api.deleteUsagePlan(r -> r.usagePlanId(planId));

            assertThat(fx.admit(value)).isInstanceOf(Admission.Forbidden.class);
            assertThatThrownBy(() -> api.getUsagePlan(r -> r.usagePlanId(planId)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Usage Plan ID specified");
        }
    }

    @Nested
    class UsagePlanKeys {
        @Test
        void bindingAKeyAdmitsItAndUnbindingForbidsIt() {
            String planId = plan("p", 100).id();
            CreateApiKeyResponse key = key("student-key");
            assertThat(fx.admit(key.value())).isInstanceOf(Admission.Forbidden.class);

            var bound = api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));

            assertThat(bound.id()).isEqualTo(key.id());
            assertThat(bound.type()).isEqualTo("API_KEY");
            assertThat(bound.name()).isEqualTo("student-key");
            assertThat(fx.admit(key.value())).isInstanceOf(Admission.Admitted.class);
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId(planId)).items()).extracting(k -> k.id())
                    .containsExactly(key.id());
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId(planId).nameQuery("other")).items()).isEmpty();
            assertThat(api.getUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id())).name()).isEqualTo("student-key");

            api.deleteUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()));

            assertThat(fx.admit(key.value())).isInstanceOf(Admission.Forbidden.class);
            assertThatThrownBy(() -> api.getUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> api.deleteUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id())))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void refusesDuplicatesUnknownKeysAndASecondPlanOnTheSameStage() {
            String planId = plan("p", 100).id();
            String second = plan("q", 100).id();
            String keyId = key("k").id();
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(keyId).keyType("API_KEY"));

            assertThatThrownBy(() -> api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(keyId).keyType("API_KEY")))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> api.createUsagePlanKey(r -> r.usagePlanId(second).keyId(keyId).keyType("API_KEY")))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId("nosuchkey0")
                    .keyType("API_KEY"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> api.createUsagePlanKey(r -> r.usagePlanId("nosuchplan").keyId(keyId)
                    .keyType("API_KEY"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(keyId).keyType("OTHER")))
                    .isInstanceOf(BadRequestException.class);
        }
    }

    @Nested
    class Usage {
        @Test
        void reportsUsedAndRemainingPerKeyPerDay() {
            String planId = plan("p", 100).id();
            String value = boundKey(planId);
            String keyId = fx.keys.findByValue(value).orElseThrow().id();
            fx.admit(value);
            fx.admit(value);
            String yesterday = LocalDate.parse(today()).minusDays(1).toString();

            GetUsageResponse usage = api.getUsage(r -> r.usagePlanId(planId).startDate(yesterday).endDate(today()));

            assertThat(usage.usagePlanId()).isEqualTo(planId);
            assertThat(usage.startDate()).isEqualTo(yesterday);
            assertThat(usage.endDate()).isEqualTo(today());
            assertThat(usage.items()).containsOnlyKeys(keyId);
            assertThat(usage.items().get(keyId)).containsExactly(List.of(0L, 100L), List.of(2L, 98L));
            assertThat(api.getUsage(r -> r.usagePlanId(planId).keyId(keyId).startDate(today()).endDate(today()))
                    .items().get(keyId)).containsExactly(List.of(2L, 98L));
        }

        @Test
        void refusesBadDatesAndUnknownPlans() {
            String planId = plan("p", 100).id();

            assertThatThrownBy(() -> api.getUsage(r -> r.usagePlanId(planId).startDate("yesterday").endDate(today())))
                    .isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> api.getUsage(r -> r.usagePlanId(planId).startDate(today()).endDate("2000-01-01")))
                    .isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> api.getUsage(r -> r.usagePlanId("nosuchplan").startDate(today()).endDate(today())))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void updateUsageGrantsExactlyThatManyMoreRequests() {
            String planId = plan("p", 5).id();
            String value = boundKey(planId);
            String keyId = fx.keys.findByValue(value).orElseThrow().id();
            for (int i = 0; i < 5; i++) {
                fx.admit(value);
            }
            assertThat(fx.admit(value)).isInstanceOf(Admission.QuotaExceeded.class);

            var updated = api.updateUsage(r -> r.usagePlanId(planId).keyId(keyId)
                    .patchOperations(replace("/remaining", "2")));

            assertThat(updated.items().get(keyId)).containsExactly(List.of(5L, 2L));
            assertThat(fx.admit(value)).isInstanceOf(Admission.Admitted.class);
            assertThat(fx.admit(value)).isInstanceOf(Admission.Admitted.class);
            assertThat(fx.admit(value)).isInstanceOf(Admission.QuotaExceeded.class);

            api.updateUsage(r -> r.usagePlanId(planId).keyId(keyId).patchOperations(replace("/remaining", "0")));
            assertThat(fx.usage.remaining(planId, keyId)).isZero();
        }

        @Test
        void updateUsageRefusesOtherPathsAndUnboundKeys() {
            String planId = plan("p", 5).id();
            String keyId = key("unbound").id();

            assertThatThrownBy(() -> api.updateUsage(r -> r.usagePlanId(planId).keyId(keyId)
                    .patchOperations(replace("/remaining", "2")))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> api.updateUsage(r -> r.usagePlanId(planId).keyId(keyId)
                    .patchOperations(replace("/used", "2")))).isInstanceOf(BadRequestException.class);
        }
    }

    @Nested
    class RestApis {
        @Test
        void describesTheStudentApiAndItsStage() {
            assertThat(api.getRestApis().items()).singleElement().satisfies(restApi -> {
                assertThat(restApi.id()).isEqualTo("student");
                assertThat(restApi.name()).isEqualTo("student");
                assertThat(restApi.apiKeySourceAsString()).isEqualTo("HEADER");
            });
            assertThat(api.getRestApi(r -> r.restApiId("student")).name()).isEqualTo("student");
            assertThat(api.getStages(r -> r.restApiId("student")).item()).extracting(s -> s.stageName())
                    .containsExactly("prod");
            assertThat(api.getStage(r -> r.restApiId("student").stageName("prod")).stageName()).isEqualTo("prod");
            assertThatThrownBy(() -> api.getStages(r -> r.restApiId("other"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> api.getStage(r -> r.restApiId("student").stageName("dev")))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
