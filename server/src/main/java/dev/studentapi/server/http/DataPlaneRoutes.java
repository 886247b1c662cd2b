package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.BackupFunctions;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.StudentFunctions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The data plane's route table (SPEC §3): the stage's resources and what each method does, a preflight answer on
 * each path, and 405 with {@code Allow} for the other methods. Only the resources' own methods need a key, so
 * preflights and 405s are never charged; unknown paths match no entry and get the server's 404.
 */
final class DataPlaneRoutes {

    /** The methods answered 405 on a resource that does not allow them (OPTIONS is always a preflight). */
    private static final List<HandlerType> REFUSED_METHODS = List.of(HandlerType.GET, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD);

    /** One resource method: what it answers, from the request. */
    private record Action(HandlerType method, String path, Function<Context, ApiResponse> answer) {
    }

    private DataPlaneRoutes() {
    }

    /**
     * Every route of {@code stage}. The stage root is an alias of {@code /students}; a trailing slash is the same
     * path (the router ignores it).
     */
    static List<Route> table(String stage, StudentFunctions functions, Optional<BackupFunctions> backups, Cors cors,
                             DataPlaneReplies replies) {
        String root = "/" + stage;
        List<Action> actions = new ArrayList<>(List.of(
                new Action(HandlerType.GET, root + "/students", ctx -> functions.listStudents()),
                new Action(HandlerType.POST, root + "/students", ctx -> functions.insertStudent(ctx.bodyAsBytes())),
                new Action(HandlerType.GET, root, ctx -> functions.listStudents()),
                new Action(HandlerType.POST, root, ctx -> functions.insertStudent(ctx.bodyAsBytes())),
                new Action(HandlerType.POST, root + "/backup", ctx -> functions.backup())));
        backups.ifPresent(backup -> actions.addAll(List.of(
                new Action(HandlerType.GET, root + "/backups", ctx -> backup.list(ctx.path(),
                        Optional.ofNullable(ctx.queryParam("limit")), Optional.ofNullable(ctx.queryParam("cursor")))),
                new Action(HandlerType.GET, root + "/backups/{name}", ctx -> backup.details(ctx.pathParam("name"))),
                new Action(HandlerType.POST, root + "/backups/{name}/restore", ctx -> backup.restore(
                        ctx.pathParam("name"), Optional.ofNullable(ctx.queryParam("mode")),
                        Optional.ofNullable(ctx.queryParam("confirm")))))));
        Map<String, List<HandlerType>> allowed = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        for (Action action : actions) {
            allowed.computeIfAbsent(action.path(), path -> new ArrayList<>()).add(action.method());
            routes.add(new Route(action.method(), action.path(),
                    ctx -> JsonReplies.send(ctx, action.answer().apply(ctx)), Route.Access.API_KEY));
        }
        allowed.forEach((path, methods) -> {
            routes.add(new Route(HandlerType.OPTIONS, path, cors::preflight, Route.Access.OPEN));
            ApiResponse notAllowed = replies.methodNotAllowed(methods.stream().map(HandlerType::name).toList());
            REFUSED_METHODS.stream().filter(method -> !methods.contains(method)).forEach(method -> routes.add(
                    new Route(method, path, ctx -> JsonReplies.send(ctx, notAllowed), Route.Access.OPEN)));
        });
        return List.copyOf(routes);
    }
}
