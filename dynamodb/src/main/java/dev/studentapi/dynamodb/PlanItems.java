package dev.studentapi.dynamodb;

import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.MethodThrottles;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.studentapi.dynamodb.Attributes.n;
import static dev.studentapi.dynamodb.Attributes.number;
import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.Attributes.string;
import static dev.studentapi.dynamodb.DynamoDbTables.PK;
import static dev.studentapi.dynamodb.DynamoDbTables.SK;

/**
 * The item of a usage plan, {@code (PLAN#id, PLAN)}: name, description, optional throttle and quota numbers,
 * the API stages as an ordered list of {@code {apiId, stage}} maps (with {@code throttle}, a map from method key
 * to {@code {rateLimit, burstLimit}}, when the stage has method throttles), and the tags as a map.
 */
final class PlanItems {

    private PlanItems() {
    }

    static Map<String, AttributeValue> item(UsagePlan plan) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(DynamoDbBindings.PLAN + plan.id()));
        item.put(SK, s(DynamoDbBindings.PLAN_ITEM));
        item.put("id", s(plan.id()));
        item.put("name", s(plan.name()));
        item.put("description", s(plan.description()));
        if (plan.throttle() != null) {
            item.put("rateLimit", n(plan.throttle().rateLimit()));
            item.put("burstLimit", n(plan.throttle().burstLimit()));
        }
        if (plan.quota() != null) {
            item.put("quotaLimit", n(plan.quota().limit()));
            item.put("quotaPeriod", s(plan.quota().period().name()));
            item.put("quotaOffset", n(plan.quota().offset()));
        }
        List<AttributeValue> stages = new ArrayList<>();
        for (ApiStage stage : plan.apiStages()) {
            Map<String, AttributeValue> entry = new HashMap<>();
            entry.put("apiId", s(stage.apiId()));
            entry.put("stage", s(stage.stage()));
            MethodThrottles throttles = plan.methodThrottles(stage);
            if (!throttles.isEmpty()) {
                Map<String, AttributeValue> byMethod = new HashMap<>();
                throttles.byMethod().forEach((key, settings) -> byMethod.put(key, AttributeValue.fromM(Map.of(
                        "rateLimit", n(settings.rateLimit()), "burstLimit", n(settings.burstLimit())))));
                entry.put("throttle", AttributeValue.fromM(byMethod));
            }
            stages.add(AttributeValue.fromM(entry));
        }
        item.put("apiStages", AttributeValue.fromL(stages));
        item.put("tags", Attributes.tags(plan.tags()));
        return item;
    }

    static UsagePlan plan(Map<String, AttributeValue> item) {
        ThrottleSettings throttle = item.containsKey("rateLimit")
                ? new ThrottleSettings(Double.parseDouble(item.get("rateLimit").n()), (int) number(item, "burstLimit"))
                : null;
        QuotaSettings quota = item.containsKey("quotaLimit")
                ? new QuotaSettings(number(item, "quotaLimit"), QuotaPeriod.valueOf(string(item, "quotaPeriod")),
                        (int) number(item, "quotaOffset"))
                : null;
        List<ApiStage> stages = new ArrayList<>();
        Map<ApiStage, MethodThrottles> methodThrottles = new HashMap<>();
        AttributeValue listed = item.get("apiStages");
        if (listed != null && listed.hasL()) {
            for (AttributeValue entry : listed.l()) {
                ApiStage stage = new ApiStage(entry.m().get("apiId").s(), entry.m().get("stage").s());
                stages.add(stage);
                AttributeValue throttles = entry.m().get("throttle");
                if (throttles != null && throttles.hasM()) {
                    Map<String, ThrottleSettings> byMethod = new HashMap<>();
                    throttles.m().forEach((key, settings) -> byMethod.put(key, new ThrottleSettings(
                            Double.parseDouble(settings.m().get("rateLimit").n()),
                            Integer.parseInt(settings.m().get("burstLimit").n()))));
                    methodThrottles.put(stage, new MethodThrottles(byMethod));
                }
            }
        }
        return new UsagePlan(string(item, "id"), string(item, "name"), string(item, "description"), throttle,
                quota, stages, Attributes.tags(item, "tags"), methodThrottles);
    }
}
