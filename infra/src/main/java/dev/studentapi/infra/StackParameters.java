package dev.studentapi.infra;

import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;

import java.util.List;

/** The stack's deploy-time parameters: e-mail addresses, locale, usage-plan numbers, schedule and storage options. */
final class StackParameters {

    final CfnParameter senderEmail;
    final CfnParameter recipientEmail;
    final CfnParameter locale;
    final CfnParameter rateLimit;
    final CfnParameter burstLimit;
    final CfnParameter quotaLimit;
    final CfnParameter scheduleTimeZone;
    final CfnParameter backupBucketName;
    final CfnParameter backupRetentionDays;
    final CfnParameter pointInTimeRecovery;
    final CfnCondition defaultBackupBucketName;
    final CfnCondition pointInTimeRecoveryEnabled;

    StackParameters(Stack stack) {
        senderEmail = CfnParameter.Builder.create(stack, "SenderEmail").type("String")
                .description("The From: address of every e-mail; the stack creates an SES identity for it, "
                        + "verify it through the mail SES sends").allowedPattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                .constraintDescription("must be an e-mail address").build();
        recipientEmail = CfnParameter.Builder.create(stack, "RecipientEmail").type("String")
                .description("Who receives the backup notices").allowedPattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                .constraintDescription("must be an e-mail address").build();
        locale = CfnParameter.Builder.create(stack, "Locale").type("String").defaultValue("en")
                .allowedValues(List.of("en", "vi")).description("Language of API messages and e-mails").build();
        rateLimit = number(stack, "RateLimit", 5, "Usage plan: steady requests per second");
        burstLimit = number(stack, "BurstLimit", 10, "Usage plan: burst capacity");
        quotaLimit = number(stack, "QuotaLimit", 1000, "Usage plan: requests per DAY");
        scheduleTimeZone = CfnParameter.Builder.create(stack, "ScheduleTimeZone").type("String")
                .defaultValue("Asia/Bangkok").description("Time zone of the daily backup at 00:00").build();
        backupBucketName = CfnParameter.Builder.create(stack, "BackupBucketName").type("String").defaultValue("")
                .description("Name of the backup bucket; empty means student-backup-<account>-<region>").build();
        backupRetentionDays = number(stack, "BackupRetentionDays", 90, "Days a backup is kept before it expires");
        pointInTimeRecovery = CfnParameter.Builder.create(stack, "PointInTimeRecovery").type("String")
                .defaultValue("false").allowedValues(List.of("true", "false"))
                .description("Turn on point-in-time recovery for the studentData table").build();
        defaultBackupBucketName = CfnCondition.Builder.create(stack, "UseDefaultBackupBucketName")
                .expression(Fn.conditionEquals(backupBucketName.getValueAsString(), "")).build();
        pointInTimeRecoveryEnabled = CfnCondition.Builder.create(stack, "PointInTimeRecoveryEnabled")
                .expression(Fn.conditionEquals(pointInTimeRecovery.getValueAsString(), "true")).build();
    }

    private static CfnParameter number(Stack stack, String name, int defaultValue, String description) {
        return CfnParameter.Builder.create(stack, name).type("Number").defaultValue(defaultValue).minValue(0)
                .description(description).build();
    }
}
