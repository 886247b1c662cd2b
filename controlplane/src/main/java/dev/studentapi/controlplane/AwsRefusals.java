package dev.studentapi.controlplane;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.Tags;

/** The one mapping from the core's refusals to API Gateway's error type, status and wording. */
final class AwsRefusals {

    /** An API Gateway error: HTTP status, {@code x-amzn-ErrorType} and message. */
    record AwsError(int status, String errorType, String message) {}

    private AwsRefusals() {
    }

    /** The error for a refusal; {@code accountId} is the account that some of API Gateway's texts name. */
    static AwsError of(Refusal refusal, String accountId) {
        String message = message(refusal, accountId);
        return switch (refusal.kind()) {
            case NOT_FOUND -> new AwsError(404, "NotFoundException", message);
            case INVALID -> new AwsError(400, "BadRequestException", message);
            case CONFLICT -> new AwsError(409, "ConflictException", message);
        };
    }

    /** API Gateway's words for a refusal that names no account (the rules of a key or plan). */
    static String message(Refusal r) {
        return message(r, ControlPlaneSettings.DEFAULT_ACCOUNT_ID);
    }

    /** API Gateway's words for a refusal (ours where API Gateway has none). */
    static String message(Refusal r, String accountId) {
        String value = r.value().orElse("");
        return switch (r.code()) {
            case API_KEY_NOT_FOUND, KEY_NOT_ON_PLAN -> "Invalid API Key identifier specified";
            case USAGE_PLAN_NOT_FOUND -> "Invalid Usage Plan ID specified";
            case API_NOT_FOUND -> "Invalid API identifier specified " + accountId + ":" + value;
            case STAGE_NOT_SERVED -> "Invalid stage identifier specified";
            case KEY_NAME_REQUIRED -> "API key name must not be blank.";
            case KEY_NAME_TOO_LONG -> "Invalid API Key name, can be at most " + r.limit().orElse(0) + " characters.";
            case KEY_DESCRIPTION_TOO_LONG -> "Invalid API Key description specified.";
            case TAG_INVALID -> "Invalid tag '" + value + "': a tag key has 1 to " + Tags.MAX_KEY_LENGTH
                    + " characters and does not start with 'aws:', a tag value at most " + Tags.MAX_VALUE_LENGTH
                    + " characters.";
            case PLAN_NAME_REQUIRED -> "Usage plan name must not be blank.";
            case KEY_VALUE_TOO_SHORT -> "API Key value should be at least " + r.limit().orElse(0) + " characters";
            case KEY_VALUE_TOO_LONG -> "API Key value exceeds maximum size of " + r.limit().orElse(0) + " characters";
            case KEY_VALUE_INVALID_CHARACTERS -> keyValueRule();
            case KEY_VALUE_IN_USE -> "API Key already exists";
            case PLAN_ID_IN_USE -> "Usage plan id already exists";
            case THROTTLE_INCOMPLETE -> "A throttle needs both rateLimit and burstLimit.";
            case THROTTLE_RATE_INVALID -> "rateLimit must be a positive number";
            case THROTTLE_BURST_INVALID -> "burstLimit must be at least 1";
            case QUOTA_INCOMPLETE -> "A quota needs both limit and period.";
            case QUOTA_LIMIT_INVALID -> "quota limit must not be negative";
            case QUOTA_PERIOD_INVALID -> "Invalid quota period '" + value + "': expected DAY, WEEK or MONTH.";
            case QUOTA_OFFSET_OUT_OF_RANGE -> "quota offset for " + r.detail("period") + " must be between 0 and "
                    + r.limit().orElse(0);
            case API_STAGE_INVALID -> "Invalid API Stage specified";
            case STAGE_NOT_ON_PLAN -> "Invalid API Stage {api: " + r.detail("api") + ", stage: " + r.detail("stage")
                    + "} specified for usageplan " + r.detail("planId");
            case METHOD_THROTTLE_KEY_INVALID -> "Invalid method throttle key '" + value
                    + "': expected {resourcePath}/{httpMethod}, such as /students/GET, or /*/* for every method";
            case METHOD_THROTTLE_NOT_SET -> "No method throttle " + value + " on API Stage " + r.detail("stage");
            case DATE_RANGE_REVERSED -> "The end date must not be before the start date.";
            case DATE_RANGE_TOO_LONG -> "The date range must not exceed " + r.limit().orElse(0) + " days.";
            case QUOTA_NOT_SET -> "Usage plan " + value + " has no quota.";
            case REMAINING_NEGATIVE -> "Remaining quota must not be negative.";
            case KEY_ALREADY_ON_PLAN -> "Usage Plan " + r.detail("planId") + " cannot be added because API Key "
                    + value + " is already associated with it";
            case KEY_ON_OTHER_PLAN_FOR_STAGE -> "API Key " + value + " is already associated with usage plan "
                    + r.detail("planId") + " on stage " + r.detail("stage");
        };
    }

    private static String keyValueRule() {
        return "API key value must be " + ApiKeyService.MIN_CUSTOM_VALUE_LENGTH + " to "
                + ApiKeyService.MAX_VALUE_LENGTH + " printable ASCII characters.";
    }
}
