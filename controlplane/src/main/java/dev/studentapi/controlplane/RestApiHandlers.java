package dev.studentapi.controlplane;

import io.javalin.http.Context;

import java.util.List;

/** GetRestApis, GetRestApi, GetStages and GetStage, describing the one published API and its stage. */
final class RestApiHandlers {
    private final PublishedApi api;

    RestApiHandlers(PublishedApi api) {
        this.api = api;
    }

    void list(Context ctx) {
        JsonCodec.respond(ctx, 200, Paging.of(ctx).page(List.of(api), PublishedApi::restApi));
    }

    void get(Context ctx) {
        api.requireApi(ctx.pathParam("apiId"));
        JsonCodec.respond(ctx, 200, api.restApi());
    }

    void stages(Context ctx) {
        api.requireApi(ctx.pathParam("apiId"));
        String deploymentId = ctx.queryParam("deploymentId");
        boolean matches = deploymentId == null || deploymentId.isEmpty()
                || PublishedApi.DEPLOYMENT_ID.equals(deploymentId);
        JsonCodec.respond(ctx, 200, new Representations.StagesJson(matches ? List.of(api.stageJson()) : List.of()));
    }

    void stage(Context ctx) {
        api.requireStage(ctx.pathParam("apiId"), ctx.pathParam("stage"));
        JsonCodec.respond(ctx, 200, api.stageJson());
    }
}
