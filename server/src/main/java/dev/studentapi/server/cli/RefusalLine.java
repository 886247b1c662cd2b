package dev.studentapi.server.cli;

import dev.studentapi.core.Refusal;

/** The one mapping from the core's refusals to the command line: {@code error: CODE: words}, in the options' terms. */
final class RefusalLine {
    /** The exit status of a command the rules refused, as of a usage mistake. */
    static final int EXIT_STATUS = 2;

    private RefusalLine() {
    }

    static String of(Refusal refusal) {
        return "error: " + refusal.code().name() + ": " + words(refusal);
    }

    private static String words(Refusal r) {
        String value = r.value().orElse("");
        String limit = r.limit().isPresent() ? Long.toString(r.limit().getAsLong()) : "";
        return switch (r.code()) {
            case API_KEY_NOT_FOUND -> "no API key has the id " + value;
            case USAGE_PLAN_NOT_FOUND -> "no usage plan has the id " + value;
            case API_NOT_FOUND -> "this server serves no API called " + value;
            case STAGE_NOT_SERVED -> "this server does not serve the stage " + value;
            case KEY_NOT_ON_PLAN -> "key " + value + " is not on plan " + r.detail("planId");
            case KEY_NAME_REQUIRED, PLAN_NAME_REQUIRED -> "--name must not be blank";
            case KEY_NAME_TOO_LONG -> "--name may have at most " + limit + " characters, not " + value;
            case KEY_DESCRIPTION_TOO_LONG -> "--description may have at most " + limit + " characters, not " + value;
            case TAG_INVALID -> "the tag " + value + " is not allowed: a key of 1 to 128 characters not starting "
                    + "with aws:, a value of at most 256";
            case KEY_VALUE_TOO_SHORT -> "--value needs at least " + limit + " characters, not " + value;
            case KEY_VALUE_TOO_LONG -> "--value may have at most " + limit + " characters, not " + value;
            case KEY_VALUE_INVALID_CHARACTERS -> "--value may hold only printable ASCII characters, no spaces";
            case KEY_VALUE_IN_USE -> "another key already has this value";
            case PLAN_ID_IN_USE -> "the id drawn for the plan is taken; run the command again";
            case THROTTLE_INCOMPLETE -> "--rate and --burst go together";
            case THROTTLE_RATE_INVALID -> "--rate must be a positive number, not " + value;
            case THROTTLE_BURST_INVALID -> "--burst must be at least " + limit + ", not " + value;
            case QUOTA_INCOMPLETE -> "--period and --offset need --quota";
            case QUOTA_LIMIT_INVALID -> "--quota must not be negative, not " + value;
            case QUOTA_PERIOD_INVALID -> "--period must be DAY, WEEK or MONTH, not " + value;
            case QUOTA_OFFSET_OUT_OF_RANGE -> "--offset of a " + r.detail("period") + " quota must be 0 to " + limit
                    + ", not " + value;
            case API_STAGE_INVALID -> "--stage is written apiId:stage, not " + value;
            case STAGE_NOT_ON_PLAN -> "the plan does not cover the stage " + value;
            case METHOD_THROTTLE_KEY_INVALID -> "a method throttle is keyed {resourcePath}/{httpMethod}, not " + value;
            case METHOD_THROTTLE_NOT_SET -> "the stage " + r.detail("stage") + " has no throttle for " + value;
            case DATE_RANGE_REVERSED -> "--to must not be before --from";
            case DATE_RANGE_TOO_LONG -> "at most " + limit + " days at a time, not " + value;
            case QUOTA_NOT_SET -> "plan " + value + " has no quota";
            case REMAINING_NEGATIVE -> "the remaining quota must not be negative";
            case KEY_ALREADY_ON_PLAN -> "key " + value + " is already on plan " + r.detail("planId");
            case KEY_ON_OTHER_PLAN_FOR_STAGE -> "key " + value + " is already on plan " + r.detail("planId")
                    + " for the stage " + r.detail("stage");
        };
    }
}
