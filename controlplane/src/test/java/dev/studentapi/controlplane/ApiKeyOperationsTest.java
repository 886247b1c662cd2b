package dev.studentapi.controlplane;

import dev.studentapi.core.gateway.Admission;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.model.ApiKeysFormat;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.GetApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.ImportApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API keys through the AWS SDK: CreateApiKey, GetApiKeys, GetApiKey, UpdateApiKey, DeleteApiKey and
 * ImportApiKeys, each change checked against the data plane's gateway.
 */
class ApiKeyOperationsTest extends SdkSuite {

    @Nested
    class ApiKeys {
        @Test
        void createReturnsTheValueOnceAndOnlyThen() {
            CreateApiKeyResponse created = api.createApiKey(r -> r.name("StudentApiKey").enabled(true));

            assertThat(created.id()).matches("[a-z0-9]{10}");
            assertThat(created.value()).hasSize(40);
            assertThat(created.enabled()).isTrue();
            assertThat(created.createdDate()).isEqualTo(created.lastUpdatedDate());
            assertThat(api.getApiKey(r -> r.apiKey(created.id()).includeValue(true)).value()).isNull();
            assertThat(api.getApiKeys(r -> r.includeValues(true)).items())
                    .singleElement().satisfies(k -> assertThat(k.value()).isNull());
        }

        @Test
        void acceptsACustomValueAndIsDisabledUnlessAskedOtherwise() {
            CreateApiKeyResponse created = api.createApiKey(r -> r.name("custom").value("abcdefghijklmnopqrstuvwxyz"));

            assertThat(created.value()).isEqualTo("abcdefghijklmnopqrstuvwxyz");
            assertThat(created.enabled()).isFalse();
            assertThat(fx.keys.findByValue("abcdefghijklmnopqrstuvwxyz")).isPresent();
        }

        @Test
        void refusesAShortValueAndADuplicateValue() {
            assertThatThrownBy(() -> api.createApiKey(r -> r.name("short").value("too-short")))
                    .isInstanceOf(BadRequestException.class);
            api.createApiKey(r -> r.name("first").value("abcdefghijklmnopqrstuvwxyz"));
            assertThatThrownBy(() -> api.createApiKey(r -> r.name("again").value("abcdefghijklmnopqrstuvwxyz")))
                    .isInstanceOf(ConflictException.class).extracting(e -> ((ConflictException) e).statusCode())
                    .isEqualTo(409);
        }

        @Test
        void listsByNamePrefixPageByPage() {
            key("alpha-1");
            key("alpha-2");
            key("alpha-3");
            key("beta");

            GetApiKeysResponse first = api.getApiKeys(r -> r.nameQuery("alpha").limit(2));
            GetApiKeysResponse second = api.getApiKeys(r -> r.nameQuery("alpha").limit(2).position(first.position()));

            assertThat(first.items()).extracting(k -> k.name()).containsExactly("alpha-1", "alpha-2");
            assertThat(first.position()).isNotNull();
            assertThat(second.items()).extracting(k -> k.name()).containsExactly("alpha-3");
            assertThat(second.position()).isNull();
            assertThat(api.getApiKeys(r -> r.limit(500)).items()).hasSize(4);
        }

        @Test
        void unknownKeyIsNotFound() {
            assertThatThrownBy(() -> api.getApiKey(r -> r.apiKey("nosuchkey0")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("Invalid API Key identifier specified");
        }

        @Test
        void disablingAKeyForbidsItsNextRequestAndEnablingAdmitsAgain() {
            String planId = plan("p", 100).id();
            String value = boundKey(planId);
            String id = fx.keys.findByValue(value).orElseThrow().id();
            assertThat(fx.admit(value)).isInstanceOf(Admission.Admitted.class);

            var disabled = api.updateApiKey(r -> r.apiKey(id).patchOperations(replace("/enabled", "false"),
                    replace("/name", "renamed"), replace("/description", "new words")));

            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.name()).isEqualTo("renamed");
            assertThat(disabled.description()).isEqualTo("new words");
            assertThat(disabled.value()).isNull();
            assertThat(fx.admit(value)).isInstanceOf(Admission.Forbidden.class);

            api.updateApiKey(r -> r.apiKey(id).patchOperations(replace("/enabled", "true")));
            assertThat(fx.admit(value)).isInstanceOf(Admission.Admitted.class);
        }

        @Test
        void aBadPatchPathChangesNothing() {
            CreateApiKeyResponse key = key("stays");

            assertThatThrownBy(() -> api.updateApiKey(r -> r.apiKey(key.id())
                    .patchOperations(replace("/name", "changed"), replace("/stageKeys", "x"))))
                    .isInstanceOf(BadRequestException.class);
            assertThat(api.getApiKey(r -> r.apiKey(key.id())).name()).isEqualTo("stays");
        }

        @Test
        void deletingAKeyForbidsItAtOnce() {
            String planId = plan("p", 100).id();
            String value = boundKey(planId);
            String id = fx.keys.findByValue(value).orElseThrow().id();

            api.deleteApiKey(r -> r.apiKey(id));

            assertThat(fx.admit(value)).isInstanceOf(Admission.Forbidden.class);
            assertThatThrownBy(() -> api.deleteApiKey(r -> r.apiKey(id))).isInstanceOf(NotFoundException.class);
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId(planId)).items()).isEmpty();
        }
    }

    @Nested
    class Import {
        @Test
        void importsKeysBoundToTheirPlansAndAdmitsThem() {
            String p1 = plan("one", 100).id();
            String p2 = api.createUsagePlan(r -> r.name("two")).id();
            String csv = "name,Key,description,Enabled,usageplanIds,Ignored\n"
                    + "imported-1,importedvalue0000000000001,first,TRUE,\"" + p1 + "," + p2 + "\",x\n"
                    + "imported-2,importedvalue0000000000002,,false,'" + p1 + "',y\n";

            ImportApiKeysResponse imported = api.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(csv))
                    .format(ApiKeysFormat.CSV).failOnWarnings(true));

            assertThat(imported.ids()).hasSize(2);
            assertThat(imported.warnings()).isEmpty();
            assertThat(fx.admit("importedvalue0000000000001")).isInstanceOf(Admission.Admitted.class);
            assertThat(fx.admit("importedvalue0000000000002")).isInstanceOf(Admission.Forbidden.class);
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId(p2)).items()).extracting(k -> k.name())
                    .containsExactly("imported-1");
            assertThat(api.getApiKey(r -> r.apiKey(imported.ids().get(0)).includeValue(true)).value()).isNull();
        }

        @Test
        void reimportingAValueOverwritesThatKey() {
            String csv = "Key,Name,Enabled\nimportedvalue0000000000001,first,true\n";
            String id = api.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(csv)).format(ApiKeysFormat.CSV))
                    .ids().get(0);

            ImportApiKeysResponse again = api.importApiKeys(r -> r.format(ApiKeysFormat.CSV)
                    .body(SdkBytes.fromUtf8String("Key,Name,Enabled\nimportedvalue0000000000001,second,false\n")));

            assertThat(again.ids()).containsExactly(id);
            var key = api.getApiKey(r -> r.apiKey(id));
            assertThat(key.name()).isEqualTo("second");
            assertThat(key.enabled()).isFalse();
        }

        @Test
        void aBadRowIsAWarningOrWithFailOnWarningsFailsTheWholeImport() {
            String csv = "Name,Key,UsagePlanIds\ngood,importedvalue0000000000001,\nbad,short,\nlost,importedvalue0000000000003,nosuchplan\n";

            assertThatThrownBy(() -> api.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(csv))
                    .format(ApiKeysFormat.CSV).failOnWarnings(true)))
                    .isInstanceOf(BadRequestException.class);
            assertThat(api.getApiKeys(r -> r.limit(10)).items()).isEmpty();

            ImportApiKeysResponse lenient = api.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(csv))
                    .format(ApiKeysFormat.CSV).failOnWarnings(false));
            assertThat(lenient.ids()).hasSize(1);
            assertThat(lenient.warnings()).hasSize(2);
        }

        @Test
        void aFileWithoutTheKeyColumnIsABadRequest() {
            assertThatThrownBy(() -> api.importApiKeys(r -> r.body(SdkBytes.fromUtf8String("Name\nx\n"))
                    .format(ApiKeysFormat.CSV)))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("Name and Key");
        }
    }
}
