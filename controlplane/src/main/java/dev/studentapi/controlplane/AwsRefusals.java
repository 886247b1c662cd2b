package dev.studentapi.controlplane;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.apikey.ApiKeyService;

/** The one mapping from the core's refusals to API Gateway's error type, status and wording. */
final class AwsRefusals {

    /** An API Gateway error: HTTP status, {@code x-amzn-ErrorType} and message. */
    record AwsError(int status, String errorType, String message) {}

    private AwsRefusals() {
    }

    static AwsError of(Refusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> new AwsError(404, "NotFoundException", message(refusal));
            case INVALID -> new AwsError(400, "BadRequestException", message(refusal));
            case CONFLICT -> new AwsError(409, "ConflictException", message(refusal));
        };
    }

    /** API Gateway's words for a refusal (ours where API Gateway has none). */
    static String message(Refusal r) {
        String value = r.value().orElse("");
        return switch (r.code()) {
            case API_KEY_NOT_FOUND, KEY_NOT_ON_PLAN -> "Invalid API Key identifier specified";
            case USAGE_PLAN_NOT_FOUND -> "Invalid Usage Plan ID specified";
            case API_NOT_FOUND -> "Invalid API identifier specified";
            case STAGE_NOT_SERVED -> "Invalid stage identifier specified";
            case KEY_NAME_REQUIRED -> "API key name must not be blank.";
            case PLAN_NAME_REQUIRED -> "Usage plan name must not be blank.";
            case KEY_VALUE_TOO_SHORT, KEY_VALUE_TOO_LONG, KEY_VALUE_INVALID_CHARACTERS -> keyValueRule();
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
            case API_STAGE_INVALID -> "Invalid API stage '" + value + "': expected apiId:stage.";
            case STAGE_NOT_ON_PLAN -> "API stage " + value + " is not in the usage plan.";
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
