package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyChange;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.IssuedApiKey;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;

/** CreateApiKey, ImportApiKeys, GetApiKeys, GetApiKey, UpdateApiKey and DeleteApiKey over {@link ApiKeyService}. */
final class ApiKeyHandlers {
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
        if (body.customerId() != null && !body.customerId().isEmpty()) {
            throw new AwsBadRequest("customerId is not supported by this server.");
        }
        if (body.stageKeys() != null && !body.stageKeys().isEmpty()) {
            throw new AwsBadRequest("stageKeys are not supported by this server; bind the key to a usage plan.");
        }
        IssuedApiKey issued = keys.create(body.name(), body.description(), Boolean.TRUE.equals(body.enabled()),
                Optional.ofNullable(body.value()));
        JsonCodec.respond(ctx, 201, Representations.ApiKeyJson.withValue(issued.key(), issued.value()));
    }

    private void importKeys(Context ctx) {
        if (!"csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            throw new AwsBadRequest("Invalid format: only format=csv is supported.");
        }
        boolean failOnWarnings = Boolean.parseBoolean(ctx.queryParam("failonwarnings"));
        List<ApiKeyCsv.Row> rows = ApiKeyCsv.parse(ctx.body());
        JsonCodec.respond(ctx, 201, importer.run(rows, failOnWarnings));
    }

    /** {@code GET /apikeys?name=&includeValues=}: values are never included, as only hashes are stored. */
    void list(Context ctx) {
        String prefix = Optional.ofNullable(ctx.queryParam("name")).orElse(ctx.queryParam("nameQuery"));
        String customerId = ctx.queryParam("customerId");
        List<ApiKey> matching = keys.list().stream()
                .filter(key -> prefix == null || key.name().startsWith(prefix))
                .filter(key -> customerId == null || customerId.isEmpty())
                .toList();
        JsonCodec.respond(ctx, 200, Paging.of(ctx).page(matching, Representations.ApiKeyJson::of));
    }

    void get(Context ctx) {
        JsonCodec.respond(ctx, 200, Representations.ApiKeyJson.of(keys.get(ctx.pathParam("id"))));
    }

    /** {@code PATCH /apikeys/{id}}: replace {@code /enabled}, {@code /name}, {@code /description}; all or nothing. */
    void update(Context ctx) {
        String id = ctx.pathParam("id");
        keys.get(id);
        ApiKeyChange change = ApiKeyChange.NONE;
        for (PatchOperation operation : JsonCodec.read(ctx, RequestBodies.Patch.class).patchOperations()) {
            change = apply(operation, change);
        }
        JsonCodec.respond(ctx, 200, Representations.ApiKeyJson.of(keys.update(id, change)));
    }

    void delete(Context ctx) {
        keys.delete(ctx.pathParam("id"));
        JsonCodec.accepted(ctx);
    }

    private static ApiKeyChange apply(PatchOperation operation, ApiKeyChange change) {
        if (operation.is("replace", "/enabled")) {
            return change.withEnabled(operation.booleanValue());
        } else if (operation.is("replace", "/name")) {
            return change.withName(operation.requiredValue());
        } else if (operation.is("replace", "/description")) {
            return change.withDescription(operation.value());
        }
        throw operation.unsupported();
    }
}
