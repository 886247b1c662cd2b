package dev.studentapi.core;

/** Why the rules refused a request: a stable name that entry points map to their own words and status. */
public enum RefusalCode {
    API_KEY_NOT_FOUND(Kind.NOT_FOUND),
    USAGE_PLAN_NOT_FOUND(Kind.NOT_FOUND),
    API_NOT_FOUND(Kind.NOT_FOUND),
    STAGE_NOT_SERVED(Kind.NOT_FOUND),
    KEY_NOT_ON_PLAN(Kind.NOT_FOUND),

    KEY_NAME_REQUIRED(Kind.INVALID),
    KEY_NAME_TOO_LONG(Kind.INVALID),
    KEY_DESCRIPTION_TOO_LONG(Kind.INVALID),
    TAG_INVALID(Kind.INVALID),
    PLAN_NAME_REQUIRED(Kind.INVALID),
    KEY_VALUE_TOO_SHORT(Kind.INVALID),
    KEY_VALUE_TOO_LONG(Kind.INVALID),
    KEY_VALUE_INVALID_CHARACTERS(Kind.INVALID),
    THROTTLE_INCOMPLETE(Kind.INVALID),
    THROTTLE_RATE_INVALID(Kind.INVALID),
    THROTTLE_BURST_INVALID(Kind.INVALID),
    QUOTA_INCOMPLETE(Kind.INVALID),
    QUOTA_LIMIT_INVALID(Kind.INVALID),
    QUOTA_PERIOD_INVALID(Kind.INVALID),
    QUOTA_OFFSET_OUT_OF_RANGE(Kind.INVALID),
    API_STAGE_INVALID(Kind.INVALID),
    STAGE_NOT_ON_PLAN(Kind.INVALID),
    METHOD_THROTTLE_KEY_INVALID(Kind.INVALID),
    METHOD_THROTTLE_NOT_SET(Kind.INVALID),
    DATE_RANGE_REVERSED(Kind.INVALID),
    DATE_RANGE_TOO_LONG(Kind.INVALID),
    QUOTA_NOT_SET(Kind.INVALID),
    REMAINING_NEGATIVE(Kind.INVALID),

    KEY_VALUE_IN_USE(Kind.CONFLICT),
    PLAN_ID_IN_USE(Kind.CONFLICT),
    KEY_ALREADY_ON_PLAN(Kind.CONFLICT),
    KEY_ON_OTHER_PLAN_FOR_STAGE(Kind.CONFLICT);

    /** The family of a refusal: something absent, an input the rules reject, or a clash with what is stored. */
    public enum Kind { NOT_FOUND, INVALID, CONFLICT }

    private final Kind kind;

    RefusalCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
