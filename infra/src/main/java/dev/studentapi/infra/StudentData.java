package dev.studentapi.infra;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.CfnTable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

import java.util.List;

/** The {@code studentData} table and the private, encrypted backup bucket with its lifecycle rule. */
final class StudentData extends Construct {

    static final String TABLE_NAME = "studentData";
    static final String BACKUP_PREFIX = "backups/";

    final Table table;
    final Bucket backups;

    StudentData(Construct scope, String id, StackParameters parameters) {
        super(scope, id);
        table = Table.Builder.create(this, "Table").tableName(TABLE_NAME)
                .partitionKey(Attribute.builder().name("studentid").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).removalPolicy(RemovalPolicy.DESTROY).build();
        ((CfnTable) table.getNode().getDefaultChild()).setPointInTimeRecoverySpecification(
                CfnTable.PointInTimeRecoverySpecificationProperty.builder()
                        .pointInTimeRecoveryEnabled(Fn.conditionIf(
                                parameters.pointInTimeRecoveryEnabled.getLogicalId(), true, false))
                        .build());

        String defaultName = Fn.join("-", List.of("student-backup", Aws.ACCOUNT_ID, Aws.REGION));
        String bucketName = Token.asString(Fn.conditionIf(parameters.defaultBackupBucketName.getLogicalId(),
                defaultName, parameters.backupBucketName.getValueAsString()));
        backups = Bucket.Builder.create(this, "Backups").bucketName(bucketName)
                .encryption(BucketEncryption.S3_MANAGED).blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true).versioned(false).removalPolicy(RemovalPolicy.DESTROY)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireOldBackups").prefix(BACKUP_PREFIX)
                        .expiration(Duration.days(parameters.backupRetentionDays.getValueAsNumber()))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .build();
    }
}
