package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.gateway.Admission;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.model.ApiKeysFormat;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code /studentapi/...} routes beside the AWS operations: the audit log of changes made with the AWS SDK,
 * every key's last use and expiration, setting an expiration, and rotating a key.
 */
class StudentApiRoutesTest extends SdkSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHO = ControlPlaneFixture.CREDENTIALS.accessKeyId();

    record Reply(int status, JsonNode body, String text) {}

    Reply call(String method, String pathAndQuery, String body) {
        SigningClient client = new SigningClient(fx.endpoint());
        HttpResponse<String> response = client.send(client.sign(method, pathAndQuery, body,
                ControlPlaneFixture.CREDENTIALS, "apigateway", Clock.systemUTC()));
        try {
            JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static List<String> texts(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    @Nested
    class AuditLog {
        @Test
        void recordsEveryChangeWithWhoOperationTargetAndNoKeyValue() {
            CreateApiKeyResponse key = key("partner");
            api.updateApiKey(r -> r.apiKey(key.id()).patchOperations(replace("/enabled", "false")));
            String planId = plan("gold", 100).id();
            api.updateUsagePlan(r -> r.usagePlanId(planId).patchOperations(replace("/name", "platinum")));
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
            api.updateUsage(r -> r.usagePlanId(planId).keyId(key.id()).patchOperations(replace("/remaining", "7")));
            String imported = "imported-value-0123456789abcdef";
            String importedId = api.importApiKeys(r -> r.format(ApiKeysFormat.CSV)
                    .body(SdkBytes.fromUtf8String("name,key,enabled\nbatch," + imported + ",true\n"))).ids().get(0);
            Reply expired = call("PUT", "/studentapi/apikeys/" + key.id() + "/expiration",
                    "{\"expirationDate\": 1893456000}");
            Reply rotated = call("POST", "/studentapi/apikeys/" + key.id() + "/rotate", "{\"name\":\"partner-2\"}");
            String newId = rotated.body().path("apiKey").path("id").asText();
            String newValue = rotated.body().path("apiKey").path("value").asText();
            api.deleteUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()));
            api.deleteApiKey(r -> r.apiKey(importedId));
            api.deleteUsagePlan(r -> r.usagePlanId(planId));

            Reply audit = call("GET", "/studentapi/audit", "");

            assertThat(expired.status()).isEqualTo(200);
            assertThat(rotated.status()).isEqualTo(201);
            JsonNode items = audit.body().path("items");
            assertThat(audit.status()).isEqualTo(200);
            assertThat(texts(items, "operation")).containsExactly("DeleteUsagePlan", "DeleteApiKey",
                    "DeleteUsagePlanKey", "RotateApiKey", "SetApiKeyExpiration", "ImportApiKeys", "UpdateUsage",
                    "CreateUsagePlanKey", "UpdateUsagePlan", "CreateUsagePlan", "UpdateApiKey", "CreateApiKey");
            assertThat(texts(items, "target")).containsExactly(planId, importedId, planId + ":" + key.id(),
                    key.id(), key.id(), importedId, planId + ":" + key.id(), planId + ":" + key.id(), planId, planId,
                    key.id(), key.id());
            assertThat(texts(items, "who")).containsOnly(WHO);
            assertThat(audit.body().has("position")).isFalse();
            for (String secret : List.of(key.value(), imported, newValue, KeyHash.of(key.value()).hex(),
                    KeyHash.of(imported).hex(), KeyHash.of(newValue).hex(),
                    ControlPlaneFixture.CREDENTIALS.secretAccessKey())) {
                assertThat(audit.text()).doesNotContain(secret);
            }
        }

        @Test
        void summarisesTheTargetBeforeAndAfter() {
            CreateApiKeyResponse key = key("partner");
            api.updateApiKey(r -> r.apiKey(key.id()).patchOperations(replace("/enabled", "false"),
                    replace("/name", "partner-renamed")));
            String planId = plan("gold", 100).id();
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
            api.updateUsage(r -> r.usagePlanId(planId).keyId(key.id()).patchOperations(replace("/remaining", "7")));
            call("POST", "/studentapi/apikeys/" + key.id() + "/rotate", "{}");
            api.deleteApiKey(r -> r.apiKey(key.id()));

            JsonNode items = call("GET", "/studentapi/audit", "").body().path("items");

            JsonNode deleted = items.get(0);
            assertThat(deleted.path("before").path("name").asText()).isEqualTo("partner-renamed");
            assertThat(deleted.path("after").isNull()).isTrue();
            JsonNode rotation = items.get(1);
            assertThat(rotation.path("after").path("replacementKeyId").asText()).isNotEqualTo(key.id());
            assertThat(rotation.path("after").path("planIds")).extracting(JsonNode::asText).containsExactly(planId);
            JsonNode usage = items.get(2);
            assertThat(usage.path("before").path("remaining").asLong()).isEqualTo(100);
            assertThat(usage.path("after").path("remaining").asLong()).isEqualTo(7);
            JsonNode binding = items.get(3);
            assertThat(binding.path("before").isNull()).isTrue();
            assertThat(binding.path("after").path("keyName").asText()).isEqualTo("partner-renamed");
            JsonNode plan = items.get(4);
            assertThat(plan.path("after").path("rateLimit").asDouble()).isEqualTo(5.0);
            assertThat(plan.path("after").path("quotaLimit").asLong()).isEqualTo(100);
            assertThat(plan.path("after").path("stages")).extracting(JsonNode::asText).containsExactly("student:prod");
            JsonNode update = items.get(5);
            assertThat(update.path("before").path("enabled").asBoolean()).isTrue();
            assertThat(update.path("before").path("name").asText()).isEqualTo("partner");
            assertThat(update.path("after").path("enabled").asBoolean()).isFalse();
            assertThat(update.path("time").isNumber()).isTrue();
            assertThat(update.path("time").asLong())
                    .isBetween(fx.clock.instant().getEpochSecond() - 60, fx.clock.instant().getEpochSecond() + 1);
        }

        @Test
        void keepsTheReasonGivenForGrantingRequests() {
            CreateApiKeyResponse key = key("partner");
            String planId = plan("gold", 100).id();
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
            api.updateUsage(r -> r.usagePlanId(planId).keyId(key.id()).patchOperations(replace("/remaining", "90"))
                    .overrideConfiguration(o -> o.putHeader(AuditStep.REASON_HEADER,
                            "Ticket%20%2342%3A%20c%C3%B4ng%20ty%20A")));

            JsonNode grant = call("GET", "/studentapi/audit?target=" + planId + "%3A" + key.id(), "").body()
                    .path("items").get(0);

            assertThat(grant.path("operation").asText()).isEqualTo("UpdateUsage");
            assertThat(grant.path("after").path("reason").asText()).isEqualTo("Ticket #42: công ty A");
            assertThat(grant.path("after").path("remaining").asLong()).isEqualTo(90);
        }

        @Test
        void aRefusedChangeIsNotRecorded() {
            assertThatThrownBy(() -> api.updateApiKey(r -> r.apiKey("nosuchkey0")
                    .patchOperations(replace("/enabled", "false")))).isInstanceOf(NotFoundException.class);
            assertThat(call("POST", "/apikeys", "{\"name\":\"  \"}").status()).isEqualTo(400);
            assertThat(call("PUT", "/studentapi/apikeys/nosuchkey0/expiration", "{\"expirationDate\":1}").status())
                    .isEqualTo(404);

            assertThat(call("GET", "/studentapi/audit", "").body().path("items")).isEmpty();
        }

        @Test
        void filtersByTargetAndByWhoAndPagesWithAPosition() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(key("key-" + i).id());
            }
            api.updateApiKey(r -> r.apiKey(ids.get(0)).patchOperations(replace("/description", "first")));

            JsonNode first = call("GET", "/studentapi/audit?target=" + ids.get(0), "").body();
            assertThat(texts(first.path("items"), "operation")).containsExactly("UpdateApiKey", "CreateApiKey");
            assertThat(call("GET", "/studentapi/audit?who=cli", "").body().path("items")).isEmpty();
            assertThat(call("GET", "/studentapi/audit?who=" + WHO, "").body().path("items")).hasSize(6);

            List<String> seen = new ArrayList<>();
            String position = null;
            do {
                JsonNode page = call("GET", "/studentapi/audit?limit=4"
                        + (position == null ? "" : "&position=" + position), "").body();
                seen.addAll(texts(page.path("items"), "id"));
                position = page.hasNonNull("position") ? page.path("position").asText() : null;
            } while (position != null);
            assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        }

        @Test
        void refusesABadLimitOrPosition() {
            for (String query : List.of("limit=0", "limit=501", "limit=many", "position=not-a-position")) {
                Reply reply = call("GET", "/studentapi/audit?" + query, "");
                assertThat(reply.status()).as(query).isEqualTo(400);
                assertThat(reply.body().path("message").isTextual()).isTrue();
            }
        }
    }

    @Nested
    class Keys {
        @Test
        void listsEveryKeyWithItsLastUseExpirationAndPlans() {
            String planId = plan("gold", 100).id();
            CreateApiKeyResponse used = key("used");
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(used.id()).keyType("API_KEY"));
            CreateApiKeyResponse idle = key("idle");
            assertThat(fx.admit(used.value())).isInstanceOf(Admission.Admitted.class);

            JsonNode items = call("GET", "/studentapi/apikeys", "").body().path("items");

            assertThat(texts(items, "id")).containsExactly(idle.id(), used.id());
            assertThat(items.get(0).has("lastUsedDate")).isFalse();
            assertThat(items.get(0).has("expirationDate")).isFalse();
            assertThat(items.get(0).path("expired").asBoolean(true)).isFalse();
            assertThat(items.get(0).path("planIds")).isEmpty();
            assertThat(items.get(1).path("lastUsedDate").asLong()).isEqualTo(fx.clock.instant().getEpochSecond());
            assertThat(items.get(1).path("planIds")).extracting(JsonNode::asText).containsExactly(planId);
        }

        @Test
        void anExpirationStopsTheKeyAtItsTimeAndCanBeRemoved() {
            String planId = plan("gold", 100).id();
            CreateApiKeyResponse key = key("soon");
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
            long at = fx.clock.instant().getEpochSecond() + 30;

            Reply set = call("PUT", "/studentapi/apikeys/" + key.id() + "/expiration", "{\"expirationDate\":" + at + "}");

            assertThat(set.status()).isEqualTo(200);
            assertThat(set.body().path("id").asText()).isEqualTo(key.id());
            assertThat(set.body().path("expirationDate").asLong()).isEqualTo(at);
            assertThat(set.body().path("expired").asBoolean()).isFalse();
            assertThat(fx.admit(key.value())).isInstanceOf(Admission.Admitted.class);

            fx.clock.advance(Duration.ofSeconds(31));

            assertThat(fx.admit(key.value())).isEqualTo(new Admission.Forbidden());
            assertThat(call("GET", "/studentapi/apikeys", "").body().path("items").get(0).path("expired").asBoolean())
                    .isTrue();

            Reply removed = call("PUT", "/studentapi/apikeys/" + key.id() + "/expiration", "{\"expirationDate\":null}");

            assertThat(removed.body().has("expirationDate")).isFalse();
            assertThat(removed.body().path("expired").asBoolean()).isFalse();
            assertThat(fx.admit(key.value())).isInstanceOf(Admission.Admitted.class);
        }

        @Test
        void refusesAnUnknownKeyAndATimeThatIsNotANumber() {
            String id = key("k").id();

            Reply unknown = call("PUT", "/studentapi/apikeys/nosuchkey0/expiration", "{\"expirationDate\":1}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body().path("message").asText()).isEqualTo("Invalid API Key identifier specified");
            for (String body : List.of("{\"expirationDate\":\"tomorrow\"}", "{}", "{\"expirationDate\":-5}", "[")) {
                Reply refused = call("PUT", "/studentapi/apikeys/" + id + "/expiration", body);
                assertThat(refused.status()).as(body).isEqualTo(400);
            }
            assertThat(fx.activityStore.find(id)).isEmpty();
        }

        @Test
        void rotationCreatesAnEnabledReplacementOnTheSamePlansAndKeepsTheOldKey() {
            String planId = plan("gold", 100).id();
            CreateApiKeyResponse old = key("partner");
            api.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(old.id()).keyType("API_KEY"));

            Reply rotated = call("POST", "/studentapi/apikeys/" + old.id() + "/rotate", "");

            assertThat(rotated.status()).isEqualTo(201);
            JsonNode apiKey = rotated.body().path("apiKey");
            assertThat(apiKey.path("value").asText()).hasSize(40);
            assertThat(apiKey.path("name").asText()).isEqualTo("partner");
            assertThat(apiKey.path("enabled").asBoolean()).isTrue();
            assertThat(rotated.body().path("replaces").asText()).isEqualTo(old.id());
            assertThat(rotated.body().path("planIds")).extracting(JsonNode::asText).containsExactly(planId);
            assertThat(api.getUsagePlanKeys(r -> r.usagePlanId(planId)).items()).extracting(k -> k.id())
                    .containsExactlyInAnyOrder(old.id(), apiKey.path("id").asText());
            assertThat(api.getApiKey(r -> r.apiKey(old.id())).enabled()).isTrue();
            assertThat(fx.admit(old.value())).isInstanceOf(Admission.Admitted.class);
            assertThat(fx.admit(apiKey.path("value").asText())).isInstanceOf(Admission.Admitted.class);
        }

        @Test
        void rotatingAnUnknownKeyIsNotFound() {
            Reply reply = call("POST", "/studentapi/apikeys/nosuchkey0/rotate", "{}");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(fx.keys.list()).isEmpty();
        }
    }
}
