package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.StudentFunctions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The stage's resources — {@code /students}, {@code /backup} and the stage root — and what each method does.
 * Unknown paths get 404 and wrong methods 405 before any key is checked, so neither is charged.
 */
final class DataPlaneRoutes {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Refused bodies up to this size are read and dropped first, so the client is not reset mid-upload. */
    static final long DRAINED_BODY_BYTES = 8 * MAX_BODY_BYTES;

    private record Resource(Map<HandlerType, Function<Context, ApiResponse>> methods) {
        Set<HandlerType> allowed() {
            return methods.keySet();
        }
    }

    private final String stagePrefix;
    private final Cors cors;
    private final Optional<GatewayFilter> gateway;
    private final Map<String, Resource> resources;

    DataPlaneRoutes(String stage, Cors cors, Optional<GatewayFilter> gateway, StudentFunctions functions) {
        this.stagePrefix = "/" + stage;
        this.cors = cors;
        this.gateway = gateway;
        Resource students = new Resource(Map.of(
                HandlerType.GET, ctx -> functions.listStudents(),
                HandlerType.POST, ctx -> functions.insertStudent(ctx.bodyAsBytes())));
        this.resources = Map.of(
                "", students,
                "/students", students,
                "/backup", new Resource(Map.of(HandlerType.POST, ctx -> functions.backup())));
    }

    String stagePrefix() {
        return stagePrefix;
    }

    void handle(Context ctx) {
        Resource resource = resources.get(resourcePath(ctx.path()));
        if (resource == null) {
            JsonReplies.error(ctx, 404, "Not Found");
            return;
        }
        if (ctx.method() == HandlerType.OPTIONS) {
            cors.preflight(ctx);
            return;
        }
        Function<Context, ApiResponse> action = resource.methods().get(ctx.method());
        if (action == null) {
            ctx.header("Allow", String.join(",", resource.allowed().stream().map(Object::toString).sorted().toList())
                    + ",OPTIONS");
            JsonReplies.error(ctx, 405, "Method Not Allowed");
            return;
        }
        String length = ctx.header("Content-Length");
        if (length != null && parsesAbove(length, MAX_BODY_BYTES)) {
            refuseTooLarge(ctx, !parsesAbove(length, DRAINED_BODY_BYTES));
            return;
        }
        if (gateway.isEmpty() || gateway.get().admit(ctx)) {
            JsonReplies.send(ctx, action.apply(ctx));
        }
    }

    /**
     * Answers 413. A client that sends its whole body before reading (most do) would otherwise meet a reset
     * instead of the answer, so a moderately large body is read and dropped first; a larger one closes the
     * connection.
     */
    private static void refuseTooLarge(Context ctx, boolean drain) {
        if (drain) {
            try (java.io.InputStream body = ctx.req().getInputStream()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                ctx.header("Connection", "close");
            }
        } else {
            ctx.header("Connection", "close");
        }
        JsonReplies.error(ctx, 413, "Request Entity Too Large");
    }

    private String resourcePath(String path) {
        String rest = path.substring(stagePrefix.length());
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
    }

    private static boolean parsesAbove(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
