package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Objects;

/** A stage of an API that a usage plan covers, written {@code apiId:stage}. */
public record ApiStage(String apiId, String stage) {
    public ApiStage {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(stage, "stage");
    }

    /** Parses {@code apiId:stage}; refuses other text with API_STAGE_INVALID. */
    public static ApiStage parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw Refusal.of(RefusalCode.API_STAGE_INVALID, text);
        }
        return new ApiStage(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return apiId + ":" + stage;
    }
}
