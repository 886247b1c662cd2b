package dev.studentapi.core.usage;

/** Whether one request was charged to a quota window. */
public sealed interface QuotaCharge {

    /** Charged; {@code used} is the window's count including this request. */
    record Charged(long used) implements QuotaCharge {}

    /** Not charged: the window's count had reached the limit. */
    record Exhausted(long used) implements QuotaCharge {}
}
