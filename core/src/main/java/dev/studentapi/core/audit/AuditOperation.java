package dev.studentapi.core.audit;

/**
 * A change the audit log records, named as the AWS operation it is (or ours, for the changes AWS does not have),
 * with the kind of thing it changes, which decides how its before and after states are summarised.
 */
public enum AuditOperation {
    CREATE_API_KEY("CreateApiKey", Subject.KEY),
    UPDATE_API_KEY("UpdateApiKey", Subject.KEY),
    DELETE_API_KEY("DeleteApiKey", Subject.KEY),
    IMPORT_API_KEYS("ImportApiKeys", Subject.KEY),
    SET_API_KEY_EXPIRATION("SetApiKeyExpiration", Subject.KEY),
    ROTATE_API_KEY("RotateApiKey", Subject.KEY),
    CREATE_USAGE_PLAN("CreateUsagePlan", Subject.PLAN),
    UPDATE_USAGE_PLAN("UpdateUsagePlan", Subject.PLAN),
    DELETE_USAGE_PLAN("DeleteUsagePlan", Subject.PLAN),
    CREATE_USAGE_PLAN_KEY("CreateUsagePlanKey", Subject.BINDING),
    DELETE_USAGE_PLAN_KEY("DeleteUsagePlanKey", Subject.BINDING),
    UPDATE_USAGE("UpdateUsage", Subject.USAGE),
    TAG_RESOURCE("TagResource", Subject.TAGGED),
    UNTAG_RESOURCE("UntagResource", Subject.TAGGED);

    /** What a target id names: a key, a plan, a key on a plan ({@code planId:keyId}), its usage, or either kind. */
    public enum Subject { KEY, PLAN, BINDING, USAGE, TAGGED }

    private final String awsName;
    private final Subject subject;

    AuditOperation(String awsName, Subject subject) {
        this.awsName = awsName;
        this.subject = subject;
    }

    /** The operation's name as the audit log shows it: {@code CreateApiKey}. */
    public String awsName() {
        return awsName;
    }

    public Subject subject() {
        return subject;
    }
}
