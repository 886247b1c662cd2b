package dev.studentapi.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's table: the DynamoDB store's key schema, kept and recoverable, and append-and-read only. */
class AuditTableTest {

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedStack.template();
    }

    private static String auditTable() {
        Map<String, Map<String, Object>> found = template.findResources("AWS::DynamoDB::Table",
                Map.of("Properties", Match.objectLike(Map.of("TableName", "StudentAudit"))));
        assertThat(found).hasSize(1);
        return found.keySet().iterator().next();
    }

    @Test
    void theTableHasTheStoresKeysIsOnDemandRecoverableAndKeptWhenTheStackGoes() {
        template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Map.of("TableName", "StudentAudit", "BillingMode", "PAY_PER_REQUEST",
                        "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "AttributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S"),
                                Map.of("AttributeName", "sk", "AttributeType", "S")),
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)))));
        template.hasOutput("AuditTable", Match.objectLike(Map.of("Value", Map.of("Ref", auditTable()))));
    }

    @Test
    void theOnlyPolicyOnItMayPutAndQueryButNeverChangeOrDeleteAnEntry() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::ManagedPolicy");
        assertThat(policies).hasSize(1);
        Map<String, Object> statement = Map.of("Action", List.of("dynamodb:PutItem", "dynamodb:Query"),
                "Effect", "Allow", "Resource", Map.of("Fn::GetAtt", List.of(auditTable(), "Arn")));
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", List.of(statement))))));
        template.hasOutput("AuditWriterPolicy", Match.objectLike(Map.of("Value",
                Map.of("Ref", policies.keySet().iterator().next()))));
    }

    @Test
    void noFunctionRoleNamesTheAuditTable() {
        String table = auditTable();
        template.findResources("AWS::IAM::Role").values().forEach(role ->
                assertThat(role.toString()).doesNotContain(table));
        template.findResources("AWS::IAM::Policy").values().forEach(policy ->
                assertThat(policy.toString()).doesNotContain(table));
    }
}
