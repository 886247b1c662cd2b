package dev.studentapi.core.usage;

import java.util.Objects;

/** A stage of an API that a usage plan covers, written {@code apiId:stage}. */
public record ApiStage(String apiId, String stage) {
    public ApiStage {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(stage, "stage");
    }

    /** Parses {@code apiId:stage}. */
    public static ApiStage parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("an API stage is written apiId:stage, got '" + text + "'");
        }
        return new ApiStage(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return apiId + ":" + stage;
    }
}
