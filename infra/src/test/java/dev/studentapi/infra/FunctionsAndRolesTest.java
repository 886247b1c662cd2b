package dev.studentapi.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionsAndRolesTest {

    private static final List<String> FUNCTIONS = List.of("getStudentData", "insertStudentData",
            "BackupDynamoDBAndSendEmail", "updateStudentData", "importStudentData", "listBackups", "restoreBackup");

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedStack.template();
    }

    @ParameterizedTest
    @CsvSource({
            "getStudentData, dev.studentapi.lambda.GetStudentDataHandler::handleRequest, 29",
            "insertStudentData, dev.studentapi.lambda.InsertStudentDataHandler::handleRequest, 29",
            "BackupDynamoDBAndSendEmail, dev.studentapi.lambda.BackupDynamoDBAndSendEmailHandler::handleRequest, 300",
            "updateStudentData, dev.studentapi.lambda.UpdateStudentDataHandler::handleRequest, 29",
            "importStudentData, dev.studentapi.lambda.ImportStudentDataHandler::handleRequest, 29",
            "listBackups, dev.studentapi.lambda.ListBackupsHandler::handleRequest, 29",
            "restoreBackup, dev.studentapi.lambda.RestoreBackupHandler::handleRequest, 300"})
    void eachFunctionRunsItsHandlerOnJava21WithSnapStartAndTheConfiguration(String name, String handler,
                                                                             int timeout) {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", name, "Runtime", "java21", "Handler", handler, "Timeout", timeout,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", logGroupId(name))),
                "Environment", Map.of("Variables", Map.of(
                        "TABLE_NAME", Map.of("Ref", table()),
                        "S3_BUCKET_NAME", Map.of("Ref", backupBucketId()),
                        "SENDER_EMAIL", Map.of("Ref", "SenderEmail"),
                        "RECIPIENT_EMAIL", Map.of("Ref", "RecipientEmail"),
                        "LOCALE", Map.of("Ref", "Locale"))))));
        template.hasResourceProperties("AWS::Logs::LogGroup",
                Map.of("LogGroupName", "/aws/lambda/" + name, "RetentionInDays", 30));
        template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live",
                "FunctionVersion", Match.anyValue())));
    }

    @Test
    void getStudentDataMayOnlyReadTheTableAndWriteItsLog() {
        assertThat(statements("getStudentData")).containsExactly(
                allow(List.of("dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:GetItem"), arn(table())),
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arn(logGroupId("getStudentData"))));
    }

    @Test
    void insertStudentDataMayOnlyPutItemsAndSendFromTheSender() {
        assertThat(statements("insertStudentData")).containsExactly(
                allow(List.of("dynamodb:PutItem"), arn(table())),
                allow(List.of("ses:SendEmail"), identity("SenderEmail")),
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arn(logGroupId("insertStudentData"))));
    }

    @Test
    void theBackupMayReadTheTableWriteAndPresignBackupsAndSendTheNotice() {
        assertThat(statements("BackupDynamoDBAndSendEmail")).containsExactly(
                allow(List.of("dynamodb:Scan", "dynamodb:BatchGetItem"), arn(table())),
                allow(List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:GetObject"), backupObjects()),
                listBackupPrefix(),
                allow(List.of("ses:SendEmail"), List.of(identity("SenderEmail"), identity("RecipientEmail"))),
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        arn(logGroupId("BackupDynamoDBAndSendEmail"))));
    }

    @Test
    void updateStudentDataMayOnlyReadUpdateAndDeleteSingleItems() {
        assertThat(statements("updateStudentData")).containsExactly(
                allow(List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"), arn(table())),
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arn(logGroupId("updateStudentData"))));
    }

    @Test
    void importStudentDataMayCheckIdsWriteItemsAndMailTheSummary() {
        assertThat(statements("importStudentData")).containsExactly(
                allow(List.of("dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:BatchWriteItem"), arn(table())),
                allow(List.of("ses:SendEmail"), List.of(identity("SenderEmail"), identity("RecipientEmail"))),
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arn(logGroupId("importStudentData"))));
    }

    @Test
    void listBackupsMayOnlyListAndReadBackupsAndNeverTouchTheTable() {
        assertThat(statements("listBackups")).containsExactly(
                listBackupPrefix(),
                allow(List.of("s3:GetObject"), backupObjects()),
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arn(logGroupId("listBackups"))));
    }

    @Test
    void restoreBackupMayReadBackupsWriteTheSafetyBackupAndWriteTheTable() {
        assertThat(statements("restoreBackup")).containsExactly(
                allow(List.of("dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:BatchWriteItem"),
                        arn(table())),
                listBackupPrefix(),
                allow(List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"), backupObjects()),
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arn(logGroupId("restoreBackup"))));
    }

    @Test
    void onlyTheWritersOfOneStudentMayUpdateOrDeleteAndOnlyBulkWritersMayBatchWrite() {
        for (String name : List.of("getStudentData", "insertStudentData", "BackupDynamoDBAndSendEmail", "listBackups",
                "importStudentData", "restoreBackup")) {
            assertThat(actionsOf(name)).as(name).doesNotContain("dynamodb:UpdateItem", "dynamodb:DeleteItem");
        }
        for (String name : List.of("getStudentData", "insertStudentData", "BackupDynamoDBAndSendEmail", "listBackups",
                "updateStudentData")) {
            assertThat(actionsOf(name)).as(name).doesNotContain("dynamodb:BatchWriteItem");
        }
    }

    @Test
    void everyFunctionSignsPageCursorsWithTheDeploymentsGeneratedSecret() {
        String secret = SynthesizedStack.onlyId("AWS::SecretsManager::Secret");
        template.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "GenerateSecretString", Match.objectLike(Map.of("PasswordLength", 40, "ExcludePunctuation", true)))));
        Map<String, Object> reference = Map.of("Fn::Join", List.of("", List.of("{{resolve:secretsmanager:",
                Map.of("Ref", secret), ":SecretString:::}}")));
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Match.objectLike(Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of("PAGE_CURSOR_SECRET", reference))))))))
                .hasSize(FUNCTIONS.size());
    }

    @Test
    void theScheduleMayOnlyInvokeTheBackupAlias() {
        assertThat(statements("InvokeBackup")).containsExactly(
                allow(List.of("lambda:InvokeFunction"),
                        Map.of("Ref", SynthesizedStack.aliasId("BackupDynamoDBAndSendEmail"))));
    }

    @Test
    void noRoleAllowsEveryActionOrHasAFullAccessPolicy() {
        List<Object> actions = new ArrayList<>();
        template.findResources("AWS::IAM::Role").values().forEach(role -> statementsOf(role)
                .forEach(statement -> actions.addAll(asList(statement.get("Action")))));
        template.findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<?, ?> document = (Map<?, ?>) properties(policy).get("PolicyDocument");
            ((List<?>) document.get("Statement")).forEach(s -> actions.addAll(asList(((Map<?, ?>) s).get("Action"))));
        });
        assertThat(actions).isNotEmpty().allSatisfy(action -> assertThat(action.toString())
                .isNotEqualTo("*").doesNotEndWith(":*"));
        assertThat(template.toJSON().toString()).doesNotContain("FullAccess");
    }

    @Test
    void functionRolesNameExactResourcesNeverAWildcard() {
        for (String name : FUNCTIONS) {
            assertThat(statements(name)).extracting(statement -> statement.get("Resource"))
                    .noneMatch("*"::equals);
        }
    }

    // --- helpers: the template's logical ids and statements, normalised to lists of actions

    private static Map<String, Object> backupObjects() {
        return Map.of("Fn::Join", List.of("", List.of(arn(backupBucketId()), "/backups/*")));
    }

    private static Map<String, Object> listBackupPrefix() {
        return Map.of("Action", List.of("s3:ListBucket"), "Effect", "Allow", "Resource", arn(backupBucketId()),
                "Condition", Map.of("StringLike", Map.of("s3:prefix", "backups/*")));
    }

    private static List<Object> actionsOf(String function) {
        List<Object> actions = new ArrayList<>();
        statements(function).forEach(statement -> actions.addAll(asList(statement.get("Action"))));
        return actions;
    }

    private static String table() {
        return template.findResources("AWS::DynamoDB::Table", Map.of("Properties",
                Match.objectLike(Map.of("TableName", "studentData")))).keySet().iterator().next();
    }

    private static String backupBucketId() {
        return template.findResources("AWS::S3::Bucket", Map.of("Properties",
                Match.objectLike(Map.of("BucketName", Match.anyValue())))).keySet().iterator().next();
    }

    private static String logGroupId(String function) {
        return template.findResources("AWS::Logs::LogGroup", Map.of("Properties",
                Match.objectLike(Map.of("LogGroupName", "/aws/lambda/" + function)))).keySet().iterator().next();
    }

    private static Map<String, Object> arn(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }

    private static Map<String, Object> identity(String parameter) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":ses:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":identity/",
                Map.of("Ref", parameter))));
    }

    private static Map<String, Object> allow(List<String> actions, Object resource) {
        return Map.of("Action", actions, "Effect", "Allow", "Resource", resource);
    }

    private static List<Map<String, Object>> statements(String function) {
        Map<String, Map<String, Object>> roles = template.findResources("AWS::IAM::Role", Map.of("Properties",
                Match.objectLike(Map.of("Policies", List.of(Match.objectLike(Map.of("PolicyName", function)))))));
        assertThat(roles).as("the role of " + function).hasSize(1);
        return statementsOf(roles.values().iterator().next());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statementsOf(Map<String, Object> role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        Object policies = properties(role).get("Policies");
        if (policies == null) {
            return statements;
        }
        for (Object policy : (List<Object>) policies) {
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy).get("PolicyDocument");
            for (Object statement : (List<Object>) document.get("Statement")) {
                Map<String, Object> normalised = new java.util.LinkedHashMap<>((Map<String, Object>) statement);
                normalised.put("Action", asList(normalised.get("Action")));
                statements.add(Map.copyOf(normalised));
            }
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : List.of(value);
    }
}
