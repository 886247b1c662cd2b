package dev.studentapi.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

import java.util.List;

/**
 * The audit log's table, {@code StudentAudit} (partition key {@code pk}, sort key {@code sk}, as the DynamoDB
 * store writes it), kept when the stack is deleted and always recoverable to a point in time, and the one policy
 * that may use it: put entries and query them, never change or delete one. No function of the stack is granted
 * anything on it; the policy is for whatever runs the control plane.
 */
final class AuditTable extends Construct {

    static final String TABLE_NAME = "StudentAudit";

    final Table table;
    final ManagedPolicy writer;

    AuditTable(Construct scope, String id) {
        super(scope, id);
        table = Table.Builder.create(this, "Table").tableName(TABLE_NAME)
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.RETAIN).build();
        writer = ManagedPolicy.Builder.create(this, "Writer")
                .description("Append to and read the Student API audit log; entries cannot be changed or deleted")
                .statements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("dynamodb:PutItem", "dynamodb:Query"))
                        .resources(List.of(table.getTableArn())).build()))
                .build();
    }
}
