package dev.studentapi.controlplane;

import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.ServedStage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one REST API this server publishes ({@code student}) and its one stage, as GetRestApis and GetStages
 * describe them; usage plans may only reference this API stage.
 */
record PublishedApi(ApiStage stage, String name, Instant createdDate) {

    /** Stands in for a deployment id; the data plane has exactly one, fixed deployment. */
    static final String DEPLOYMENT_ID = "deployment";

    Representations.RestApiJson restApi() {
        return new Representations.RestApiJson(stage.apiId(), name, "Student Records API",
                Representations.seconds(createdDate), null, null, "HEADER",
                new Representations.EndpointConfigurationJson(List.of("REGIONAL"), "ipv4"), false, "root", null);
    }

    Representations.StageJson stageJson() {
        long created = Representations.seconds(createdDate);
        return new Representations.StageJson(stage.stage(), DEPLOYMENT_ID, null, false, "NOT_AVAILABLE", Map.of(),
                null, false, created, created);
    }

    void requireApi(String apiId) {
        new ServedStage(stage).requireApi(apiId);
    }

    void requireStage(String apiId, String stageName) {
        new ServedStage(stage).require(new ApiStage(apiId, stageName));
    }
}
