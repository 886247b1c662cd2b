package dev.studentapi.infra;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions on Java 21 with SnapStart: the reference system's three, and those of the records and backup
 * routes ({@code updateStudentData}, {@code importStudentData}, {@code listBackups}, {@code restoreBackup}), each
 * behind a {@code live} alias of its published version, with a log group of one month's retention and a role of
 * its own that allows only the calls that function makes.
 */
final class StudentFunctions extends Construct {

    static final String ALIAS = "live";

    final Alias getStudentData;
    final Alias insertStudentData;
    final Alias backup;
    final Alias updateStudentData;
    final Alias importStudentData;
    final Alias listBackups;
    final Alias restoreBackup;

    StudentFunctions(Construct scope, String id, StackAssets assets, StudentData data, StackParameters parameters) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String table = data.table.getTableArn();
        String backups = data.backups.arnForObjects(StudentData.BACKUP_PREFIX + "*");
        String bucket = data.backups.getBucketArn();
        String sender = identityArn(stack, parameters.senderEmail.getValueAsString());
        String recipient = identityArn(stack, parameters.recipientEmail.getValueAsString());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TABLE_NAME", data.table.getTableName());
        environment.put("S3_BUCKET_NAME", data.backups.getBucketName());
        environment.put("SENDER_EMAIL", parameters.senderEmail.getValueAsString());
        environment.put("RECIPIENT_EMAIL", parameters.recipientEmail.getValueAsString());
        environment.put("LOCALE", parameters.locale.getValueAsString());
        // one secret per deployment, so that any container continues a page another one began
        Secret cursorSecret = Secret.Builder.create(this, "PageCursorSecret")
                .description("Signs the page cursors of the students API")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(40).excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.DESTROY).build();
        environment.put("PAGE_CURSOR_SECRET", cursorSecret.getSecretValue().unsafeUnwrap());
        Code code = Code.fromAsset(assets.functionCode().toString());

        getStudentData = function(code, environment, new FunctionSpec("getStudentData", "GetStudentDataHandler",
                Duration.seconds(29), List.of(
                allow(List.of("dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:GetItem"), table))));
        insertStudentData = function(code, environment, new FunctionSpec("insertStudentData",
                "InsertStudentDataHandler", Duration.seconds(29), List.of(
                allow(List.of("dynamodb:PutItem"), table),
                allow(List.of("ses:SendEmail"), sender))));
        backup = function(code, environment, new FunctionSpec("BackupDynamoDBAndSendEmail",
                "BackupDynamoDBAndSendEmailHandler", Duration.minutes(5), List.of(
                allow(List.of("dynamodb:Scan", "dynamodb:BatchGetItem"), table),
                allow(List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:GetObject"), backups),
                listBucket(bucket),
                allow(List.of("ses:SendEmail"), sender, recipient))));
        updateStudentData = function(code, environment, new FunctionSpec("updateStudentData",
                "UpdateStudentDataHandler", Duration.seconds(29), List.of(
                allow(List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"), table))));
        importStudentData = function(code, environment, new FunctionSpec("importStudentData",
                "ImportStudentDataHandler", Duration.seconds(29), List.of(
                allow(List.of("dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:BatchWriteItem"), table),
                allow(List.of("ses:SendEmail"), sender, recipient))));
        listBackups = function(code, environment, new FunctionSpec("listBackups", "ListBackupsHandler",
                Duration.seconds(29), List.of(
                listBucket(bucket),
                allow(List.of("s3:GetObject"), backups))));
        restoreBackup = function(code, environment, new FunctionSpec("restoreBackup", "RestoreBackupHandler",
                Duration.minutes(5), List.of(
                allow(List.of("dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:PutItem",
                        "dynamodb:BatchWriteItem"), table),
                listBucket(bucket),
                allow(List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"), backups))));
    }

    /** ListBucket on the backup bucket, for keys under the backup prefix only. */
    private static PolicyStatement listBucket(String bucket) {
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", StudentData.BACKUP_PREFIX + "*"))).build();
    }

    private Alias function(Code code, Map<String, String> environment, FunctionSpec spec) {
        LogGroup logs = LogGroup.Builder.create(this, spec.name() + "Logs").logGroupName("/aws/lambda/" + spec.name())
                .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
        List<PolicyStatement> statements = new ArrayList<>(spec.statements());
        statements.add(allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), logs.getLogGroupArn()));
        Role role = Role.Builder.create(this, spec.name() + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + spec.name() + " with only the calls it makes")
                .inlinePolicies(Map.of(spec.name(), PolicyDocument.Builder.create().statements(statements).build()))
                .build();
        Function function = Function.Builder.create(this, spec.name()).functionName(spec.name())
                .runtime(Runtime.JAVA_21).handler(spec.handler()).code(code).memorySize(1024)
                .timeout(spec.timeout()).environment(environment).role(role).logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .description("Student Records API: " + spec.name()).build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the live alias points at the published current version");
        return Alias.Builder.create(this, spec.name() + "Alias").aliasName(ALIAS)
                .version(function.getCurrentVersion()).build();
    }

    private static PolicyStatement allow(List<String> actions, String... resources) {
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(actions).resources(List.of(resources))
                .build();
    }

    private static String identityArn(Stack stack, String email) {
        return stack.formatArn(ArnComponents.builder().service("ses").resource("identity")
                .resourceName(email).build());
    }
}
