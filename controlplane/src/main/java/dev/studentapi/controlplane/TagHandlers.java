package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.usage.UsagePlanService;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * TagResource, UntagResource and GetTags at {@code /tags/{resource_arn}} for the ARNs of keys
 * ({@code arn:aws:apigateway:<region>::/apikeys/<id>}) and usage plans ({@code ...::/usageplans/<id>}).
 */
final class TagHandlers {
    private static final String KEYS = "/apikeys/";
    private static final String PLANS = "/usageplans/";

    private final ApiKeyService keys;
    private final UsagePlanService plans;

    TagHandlers(ApiKeyService keys, UsagePlanService plans) {
        this.keys = keys;
        this.plans = plans;
    }

    /** {@code PUT /tags/{arn}} with {@code {"tags": {...}}}: 204. */
    void tag(Context ctx) {
        Map<String, String> tags = JsonCodec.read(ctx, RequestBodies.TagResource.class).tags();
        String path = resourcePath(ctx);
        if (path.startsWith(KEYS)) {
            keys.tag(id(path, KEYS), tags);
        } else {
            plans.tag(id(path, PLANS), tags);
        }
        ctx.status(204).result("");
    }

    /** {@code DELETE /tags/{arn}?tagKeys=a&tagKeys=b}: 204. */
    void untag(Context ctx) {
        List<String> tagKeys = ctx.queryParams("tagKeys");
        String path = resourcePath(ctx);
        if (path.startsWith(KEYS)) {
            keys.untag(id(path, KEYS), tagKeys);
        } else {
            plans.untag(id(path, PLANS), tagKeys);
        }
        ctx.status(204).result("");
    }

    /** {@code GET /tags/{arn}}: {@code {"tags": {...}}}. */
    void get(Context ctx) {
        String path = resourcePath(ctx);
        Map<String, String> tags = path.startsWith(KEYS) ? keys.get(id(path, KEYS)).tags()
                : plans.get(id(path, PLANS)).tags();
        JsonCodec.respond(ctx, 200, new Representations.TagsJson(tags));
    }

    /** The resource path of the ARN ({@code /apikeys/<id>} or {@code /usageplans/<id>}); refuses any other. */
    private static String resourcePath(Context ctx) {
        String arn = ctx.pathParam("arn");
        int path = arn.indexOf("::/");
        if (!arn.startsWith("arn:aws:apigateway:") || path < 0) {
            throw invalidArn(arn);
        }
        String resource = arn.substring(path + 2);
        if (!(resource.startsWith(KEYS) && resource.length() > KEYS.length()
                || resource.startsWith(PLANS) && resource.length() > PLANS.length())
                || resource.indexOf('/', resource.indexOf('/', 1) + 1) >= 0) {
            throw invalidArn(arn);
        }
        return resource;
    }

    private static String id(String path, String prefix) {
        return path.substring(prefix.length());
    }

    private static AwsBadRequest invalidArn(String arn) {
        return new AwsBadRequest("Invalid resource ARN specified: " + arn
                + " (this server tags API keys and usage plans)");
    }
}
