package dev.studentapi.core.usage;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Objects;

/** The one API stage this server serves, and so the only stage a usage plan may name. */
public record ServedStage(ApiStage stage) {
    public ServedStage {
        Objects.requireNonNull(stage, "stage");
    }

    /** Refuses any API other than the served one with API_NOT_FOUND. */
    public void requireApi(String apiId) {
        if (!stage.apiId().equals(apiId)) {
            throw Refusal.of(RefusalCode.API_NOT_FOUND, apiId);
        }
    }

    /** Refuses another API (API_NOT_FOUND) or another stage of this API (STAGE_NOT_SERVED). */
    public ApiStage require(ApiStage candidate) {
        requireApi(candidate.apiId());
        if (!stage.stage().equals(candidate.stage())) {
            throw Refusal.of(RefusalCode.STAGE_NOT_SERVED, candidate);
        }
        return candidate;
    }
}
