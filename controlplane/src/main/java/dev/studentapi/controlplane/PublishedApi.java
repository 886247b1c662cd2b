package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKeyException;
import dev.studentapi.core.usage.ApiStage;

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
                Representations.seconds(createdDate), null, List.of(), "HEADER",
                new Representations.EndpointConfigurationJson(List.of("REGIONAL")), false, "root", Map.of());
    }

    Representations.StageJson stageJson() {
        long created = Representations.seconds(createdDate);
        return new Representations.StageJson(stage.stage(), DEPLOYMENT_ID, "", false, "NOT_AVAILABLE", Map.of(),
                Map.of(), false, created, created);
    }

    void requireApi(String apiId) {
        if (!stage.apiId().equals(apiId)) {
            throw ApiKeyException.notFound("Invalid API identifier specified");
        }
    }

    void requireStage(String apiId, String stageName) {
        requireApi(apiId);
        if (!stage.stage().equals(stageName)) {
            throw ApiKeyException.notFound("Invalid stage identifier specified");
        }
    }

    /** Parses {@code apiId:stage} as patch values write it, and checks that it names this API's stage. */
    ApiStage parseStage(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw ApiKeyException.badRequest("Invalid API stage '" + text + "': expected apiId:stage.");
        }
        ApiStage parsed = new ApiStage(text.substring(0, colon), text.substring(colon + 1));
        requireStage(parsed.apiId(), parsed.stage());
        return parsed;
    }
}
