package dev.studentapi.core;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that a call is refused with a given code, and hands back the refusal for its value and limit. */
public final class Refusals {
    private Refusals() {
    }

    public static Refusal refused(ThrowingCallable call, RefusalCode code) {
        Refusal refusal = catchThrowableOfType(Refusal.class, call);
        assertThat(refusal).as("refused with " + code).isNotNull();
        assertThat(refusal.code()).isEqualTo(code);
        return refusal;
    }
}
