package dev.studentapi.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.constructs.Construct;

import java.util.List;

/**
 * The whole reference system as one stack: table, functions and their roles, REST API with key and usage plan,
 * backup bucket, SES identity, daily schedule, the web page behind CloudFront, and the audit log's table.
 */
public final class StudentApiStack extends Stack {

    public StudentApiStack(Construct scope, String id, StackProps props, StackAssets assets) {
        super(scope, id, props);
        StackParameters parameters = new StackParameters(this);
        StudentData data = new StudentData(this, "Data", parameters);
        AuditTable audit = new AuditTable(this, "Audit");
        EmailIdentity.Builder.create(this, "SenderIdentity")
                .identity(Identity.email(parameters.senderEmail.getValueAsString())).build();
        StudentFunctions functions = new StudentFunctions(this, "Functions", assets, data, parameters);
        StudentRestApi api = new StudentRestApi(this, "Rest", functions, parameters);
        new DailyBackup(this, "DailyBackup", functions.backup, parameters);
        WebPage web = new WebPage(this, "Web", assets, api.invokeUrl());

        output("InvokeUrl", api.invokeUrl(), "The API's base URL (stage prod)");
        output("ApiKeyId", api.key.getKeyId(), "The id of StudentApiKey (not its value)");
        output("ApiKeyValueCommand", Fn.join("", List.of("aws apigateway get-api-key --api-key ",
                api.key.getKeyId(), " --include-value --query value --output text --region ", getRegion())),
                "Prints the key's value");
        output("WebUrl", web.url(), "The web page on CloudFront");
        output("BackupBucket", data.backups.getBucketName(), "Where backups are written");
        output("AuditTable", audit.table.getTableName(), "The audit log's table (STORE=dynamodb)");
        output("AuditWriterPolicy", audit.writer.getManagedPolicyArn(),
                "Attach to the role that runs the control plane: append to and read the audit log");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
