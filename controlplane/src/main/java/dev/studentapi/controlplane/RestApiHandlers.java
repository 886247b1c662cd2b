package dev.studentapi.controlplane;

import io.javalin.http.Context;

import java.util.List;

/** GetRestApis, GetRestApi, GetStages, GetStage and GetExport, describing the one published API and its stage. */
final class RestApiHandlers {
    private final PublishedApi api;
    private final ApiExport export;

    RestApiHandlers(PublishedApi api, ApiExport export) {
        this.api = api;
        this.export = export;
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

    /**
     * {@code GET /restapis/{apiId}/stages/{stage}/exports/{oas30|swagger}[?extensions=apigateway]}, as JSON
     * ({@code Accept: application/json}, the default) or, for {@code Accept: application/yaml}, the same text as
     * YAML (JSON is YAML 1.2 in flow style).
     */
    void export(Context ctx) {
        api.requireStage(ctx.pathParam("apiId"), ctx.pathParam("stage"));
        ApiExport.Type type = switch (ctx.pathParam("type")) {
            case "oas30" -> ApiExport.Type.OAS30;
            case "swagger" -> ApiExport.Type.SWAGGER;
            default -> throw new AwsBadRequest("Invalid export type specified: " + ctx.pathParam("type")
                    + ". Must be one of: [oas30, swagger]");
        };
        String accept = ctx.header("Accept");
        boolean yaml = accept != null && accept.contains("application/yaml");
        if (accept != null && !accept.isBlank() && !yaml && !accept.contains("json") && !accept.contains("*/*")) {
            throw new AwsBadRequest("Unsupported Accept type " + accept
                    + ": must be application/json or application/yaml.");
        }
        String body = export.export(type, ctx.pathParam("stage"), api.name(), ctx.queryParam("extensions"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + api.name() + "-" + ctx.pathParam("stage")
                + "-" + ctx.pathParam("type") + (yaml ? ".yaml" : ".json") + "\"");
        ctx.status(200).contentType(yaml ? "application/yaml" : "application/json").result(body);
    }
}
