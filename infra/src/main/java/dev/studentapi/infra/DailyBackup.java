package dev.studentapi.infra;

import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The EventBridge Scheduler schedule {@code DailyDynamoDBBackup}: at 00:00 in the chosen time zone, within a
 * flexible window of 5 minutes, it invokes the backup function with a scheduler event, through a role that may
 * invoke that function only.
 */
final class DailyBackup extends Construct {

    static final String NAME = "DailyDynamoDBBackup";
    static final String EXPRESSION = "cron(0 0 * * ? *)";
    static final String INPUT = "{\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\","
            + "\"time\":\"<aws.scheduler.scheduled-time>\",\"resources\":[\"<aws.scheduler.schedule-arn>\"],"
            + "\"detail\":{}}";

    final CfnSchedule schedule;

    DailyBackup(Construct scope, String id, IFunction backup, StackParameters parameters) {
        super(scope, id);
        Role role = Role.Builder.create(this, "Role").assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("Lets " + NAME + " invoke the backup function")
                .inlinePolicies(Map.of("InvokeBackup", PolicyDocument.Builder.create().statements(List.of(
                        PolicyStatement.Builder.create().actions(List.of("lambda:InvokeFunction"))
                                .resources(List.of(backup.getFunctionArn())).build())).build()))
                .build();
        schedule = CfnSchedule.Builder.create(this, "Schedule").name(NAME)
                .description("Backs up the studentData table and e-mails the download link, daily")
                .scheduleExpression(EXPRESSION)
                .scheduleExpressionTimezone(parameters.scheduleTimeZone.getValueAsString())
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("FLEXIBLE")
                        .maximumWindowInMinutes(5).build())
                .target(CfnSchedule.TargetProperty.builder().arn(backup.getFunctionArn()).roleArn(role.getRoleArn())
                        .input(INPUT).retryPolicy(CfnSchedule.RetryPolicyProperty.builder()
                                .maximumRetryAttempts(0).build()).build())
                .state("ENABLED").build();
    }
}
