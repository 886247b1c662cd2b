package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyChange;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.apikey.NewApiKey;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;

/** CreateApiKey, ImportApiKeys, GetApiKeys, GetApiKey, UpdateApiKey and DeleteApiKey over {@link ApiKeyService}. */
final class ApiKeyHandlers {
    /** The paths UpdateApiKey can replace, in API Gateway's order and words. */
    private static final String PATCHABLE = "[/description, /enabled, /name, /customerId]";

    private final ApiKeyService keys;
    private final ApiKeyImport importer;

    ApiKeyHandlers(ApiKeyService keys, ApiKeyImport importer) {
        this.keys = keys;
        this.importer = importer;
    }

    /** {@code POST /apikeys}: CreateApiKey, or ImportApiKeys when {@code mode=import}. */
    void createOrImport(Context ctx) {
        if ("import".equals(ctx.queryParam("mode"))) {
            importKeys(ctx);
            return;
        }
        RequestBodies.CreateApiKey body = JsonCodec.read(ctx, RequestBodies.CreateApiKey.class);
        if (body.stageKeys() != null && !body.stageKeys().isEmpty()) {
            throw new AwsBadRequest("stageKeys are not supported by this server; bind the key to a usage plan.");
        }
        IssuedApiKey issued = keys.create(new NewApiKey(body.name(), body.description(),
                Boolean.TRUE.equals(body.enabled()), body.value(), body.customerId(), body.tags()));
        JsonCodec.respond(ctx, 201, Representations.ApiKeyJson.of(issued.key(), issued.value(),
                Representations.EmptyTags.LEFT_OUT));
    }

    private void importKeys(Context ctx) {
        if (!"csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            throw new AwsBadRequest("Invalid format: only format=csv is supported.");
        }
        boolean failOnWarnings = Boolean.parseBoolean(ctx.queryParam("failonwarnings"));
        List<ApiKeyCsv.Row> rows = ApiKeyCsv.parse(ctx.body());
        JsonCodec.respond(ctx, 201, importer.run(rows, failOnWarnings));
    }

    /**
     * {@code GET /apikeys?name=&customerId=&includeValues=}: values are included only when asked for and kept
     * (API_KEY_STORAGE=encrypted).
     */
    void list(Context ctx) {
        String prefix = Optional.ofNullable(ctx.queryParam("name")).orElse(ctx.queryParam("nameQuery"));
        String customerId = ctx.queryParam("customerId");
        boolean includeValues = Boolean.parseBoolean(ctx.queryParam("includeValues"));
        List<ApiKey> matching = keys.list().stream()
                .filter(key -> prefix == null || key.name().startsWith(prefix))
                .filter(key -> customerId == null || customerId.isEmpty() || customerId.equals(key.customerId()))
                .toList();
        JsonCodec.respond(ctx, 200, Paging.of(ctx).page(matching, key -> render(key, includeValues)));
    }

    /** {@code GET /apikeys/{id}?includeValue=}. */
    void get(Context ctx) {
        JsonCodec.respond(ctx, 200, render(keys.get(ctx.pathParam("id")),
                Boolean.parseBoolean(ctx.queryParam("includeValue"))));
    }

    private Representations.ApiKeyJson render(ApiKey key, boolean includeValue) {
        String value = includeValue ? keys.value(key).orElse(null) : null;
        return Representations.ApiKeyJson.of(key, value, Representations.EmptyTags.LEFT_OUT);
    }

    /**
     * {@code PATCH /apikeys/{id}}: replace {@code /description}, {@code /enabled} (any value but {@code true} is
     * false, as on API Gateway), {@code /name}, {@code /customerId}; all or nothing.
     */
    void update(Context ctx) {
        String id = ctx.pathParam("id");
        keys.get(id);
        ApiKeyChange change = ApiKeyChange.NONE;
        for (PatchOperation operation : JsonCodec.read(ctx, RequestBodies.Patch.class).patchOperations()) {
            change = apply(operation, change);
        }
        JsonCodec.respond(ctx, 200, Representations.ApiKeyJson.of(keys.update(id, change), null,
                Representations.EmptyTags.SHOWN));
    }

    void delete(Context ctx) {
        keys.delete(ctx.pathParam("id"));
        JsonCodec.accepted(ctx);
    }

    private static ApiKeyChange apply(PatchOperation operation, ApiKeyChange change) {
        if (operation.is("replace", "/enabled")) {
            return change.withEnabled("true".equalsIgnoreCase(operation.value()));
        } else if (operation.is("replace", "/name")) {
            return change.withName(operation.value() == null ? "" : operation.value());
        } else if (operation.is("replace", "/description")) {
            return change.withDescription(operation.value());
        } else if (operation.is("replace", "/customerId")) {
            return change.withCustomerId(operation.value());
        }
        throw operation.invalidPath(PATCHABLE);
    }
}
