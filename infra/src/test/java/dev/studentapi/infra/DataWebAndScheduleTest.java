package dev.studentapi.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataWebAndScheduleTest {

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedStack.template();
    }

    @Test
    void theTableIsStudentDataOnDemandWithOptionalPointInTimeRecovery() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "studentData",
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema", List.of(Map.of("AttributeName", "studentid", "KeyType", "HASH")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", "studentid", "AttributeType", "S")),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled",
                        Map.of("Fn::If", List.of("PointInTimeRecoveryEnabled", true, false)))));
        template.hasParameter("PointInTimeRecovery", Match.objectLike(Map.of("Default", "false",
                "AllowedValues", List.of("true", "false"))));
        template.hasCondition("PointInTimeRecoveryEnabled", Map.of("Fn::Equals",
                List.of(Map.of("Ref", "PointInTimeRecovery"), "true")));
    }

    @Test
    void theBackupBucketIsPrivateEncryptedNamedForAccountAndRegionAndExpiresBackups() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", Map.of("Fn::If", List.of("UseDefaultBackupBucketName",
                        Map.of("Fn::Join", List.of("-", List.of("student-backup", Map.of("Ref", "AWS::AccountId"),
                                Map.of("Ref", "AWS::Region")))), Map.of("Ref", "BackupBucketName"))),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Id", "ExpireOldBackups", "Prefix", "backups/", "Status", "Enabled",
                        "ExpirationInDays", Map.of("Ref", "BackupRetentionDays"),
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1))))))));
        template.hasParameter("BackupBucketName", Match.objectLike(Map.of("Default", "")));
    }

    @Test
    void theSenderIsAnSesIdentity() {
        template.hasResourceProperties("AWS::SES::EmailIdentity", Match.objectLike(Map.of(
                "EmailIdentity", Map.of("Ref", "SenderEmail"))));
        template.hasParameter("SenderEmail", Match.objectLike(Map.of("Type", "String")));
        template.hasParameter("Locale", Match.objectLike(Map.of("Default", "en", "AllowedValues", List.of("en", "vi"))));
    }

    @Test
    void theDailyScheduleInvokesTheBackupAliasAtMidnightInTheChosenTimeZone() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "Name", "DailyDynamoDBBackup", "ScheduleExpression", "cron(0 0 * * ? *)",
                "ScheduleExpressionTimezone", Map.of("Ref", "ScheduleTimeZone"), "State", "ENABLED",
                "FlexibleTimeWindow", Map.of("Mode", "FLEXIBLE", "MaximumWindowInMinutes", 5),
                "Target", Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", SynthesizedStack.aliasId("BackupDynamoDBAndSendEmail")),
                        "Input", Match.serializedJson(Match.objectLike(Map.of("source", "aws.scheduler"))))))));
        template.hasParameter("ScheduleTimeZone", Match.objectLike(Map.of("Default", "Asia/Bangkok")));
    }

    @Test
    void thePageIsServedOverHttpsOnlyFromAPrivateBucketThroughOriginAccessControl() {
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig",
                Match.objectLike(Map.of("DefaultRootObject", "index.html", "Enabled", true,
                        "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "https-only")),
                        "Origins", List.of(Match.objectLike(Map.of(
                                "OriginAccessControlId", Map.of("Fn::GetAtt", List.of(
                                        SynthesizedStack.onlyId("AWS::CloudFront::OriginAccessControl"), "Id")))))))));
        template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig",
                Match.objectLike(Map.of("OriginAccessControlOriginType", "s3", "SigningBehavior", "always"))));
        template.hasOutput("WebUrl", Match.objectLike(Map.of("Value", Match.anyValue())));
    }

    @Test
    void thePagesConfigNamesTheInvokeUrlAndNeverTheKey() {
        Map<String, Map<String, Object>> deployments = template.findResources("Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(1);
        String deployment = deployments.values().iterator().next().toString();
        assertThat(deployment).contains(SynthesizedStack.onlyId("AWS::ApiGateway::RestApi"))
                .doesNotContain(SynthesizedStack.onlyId("AWS::ApiGateway::ApiKey"));
    }
}
