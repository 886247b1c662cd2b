package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.BackupFunctions;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.ListRequest;
import dev.studentapi.functions.StudentFunctions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The data plane's route table (SPEC §3 and the records routes): the stage's resources, what each method does and
 * which statuses it answers, a preflight answer on each path, and 405 with {@code Allow} for the other methods.
 * Only the resources' own methods need a key, so preflights and 405s are never charged; unknown paths match no
 * entry and get the server's 404. With {@code UNKNOWN_ROUTES=aws} the other methods get API Gateway's 403 instead
 * of 405, still before any key check. The OpenAPI document lists exactly these operations and statuses.
 */
final class DataPlaneRoutes {

    /** The methods answered 405 on a resource that does not allow them (OPTIONS is always a preflight). */
    private static final List<HandlerType> REFUSED_METHODS = List.of(HandlerType.GET, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD);
    /** What every keyed route may answer besides its own statuses: the gateway's refusals and failures. */
    static final Set<Integer> KEYED_STATUSES = Set.of(403, 429, 500, 503);
    /** What a route that reads a body may answer besides: a body over its limit. */
    static final Set<Integer> BODY_STATUSES = Set.of(413);
    /** The largest import body. */
    static final long MAX_IMPORT_BYTES = 100L * 1024 * 1024;

    /** Answers one resource method from the request. */
    @FunctionalInterface
    interface Answer {
        DataPlaneAnswer apply(Context ctx) throws Exception;
    }

    /** One resource method: what it answers, the statuses of its own answers, whether it reads a body. */
    record Action(HandlerType method, String path, Answer answer, Set<Integer> statuses, long maxBodyBytes) {
        Action(HandlerType method, String path, Answer answer) {
            this(method, path, answer, Set.of(), BodyLimit.MAX_BODY_BYTES);
        }

        Action(HandlerType method, String path, Answer answer, Set<Integer> statuses) {
            this(method, path, answer, statuses, BodyLimit.MAX_BODY_BYTES);
        }

        /** Every status this route answers: its own, the gateway's and (when it reads a body) 413. */
        Set<Integer> allStatuses() {
            boolean readsBody = method == HandlerType.POST || method == HandlerType.PUT
                    || method == HandlerType.PATCH;
            return Stream.of(statuses, KEYED_STATUSES, readsBody ? BODY_STATUSES : Set.<Integer>of())
                    .flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private DataPlaneRoutes() {
    }

    /** The resource methods of {@code stage} with their statuses (the OpenAPI document's operations). */
    static List<Action> actions(String stage, StudentFunctions functions, Optional<BackupFunctions> backups) {
        String root = "/" + stage;
        String student = root + "/students/{studentid}";
        // the import path comes before the one-student path, so that its preflight and 405s win over the latter's
        List<Action> actions = new ArrayList<>(List.of(
                new Action(HandlerType.GET, root + "/students", ctx -> list(ctx, functions), Set.of(200, 400)),
                new Action(HandlerType.POST, root + "/students", ctx -> functions.insertStudent(ctx.bodyAsBytes()),
                        Set.of(201, 400, 409)),
                new Action(HandlerType.GET, root, ctx -> list(ctx, functions), Set.of(200, 400)),
                new Action(HandlerType.POST, root, ctx -> functions.insertStudent(ctx.bodyAsBytes()),
                        Set.of(201, 400, 409)),
                new Action(HandlerType.POST, root + "/backup", ctx -> functions.backup(), Set.of(200, 500)),
                new Action(HandlerType.POST, root + "/students/import",
                        ctx -> ImportBody.importFrom(ctx, functions, MAX_IMPORT_BYTES), Set.of(200, 400, 415),
                        MAX_IMPORT_BYTES),
                new Action(HandlerType.GET, student, ctx -> functions.getStudent(ctx.pathParam("studentid")),
                        Set.of(200, 404)),
                new Action(HandlerType.PUT, student, ctx -> functions.replaceStudent(ctx.pathParam("studentid"),
                        ctx.bodyAsBytes(), ifMatch(ctx)), Set.of(200, 400, 404, 412)),
                new Action(HandlerType.PATCH, student, ctx -> functions.patchStudent(ctx.pathParam("studentid"),
                        ctx.bodyAsBytes(), ifMatch(ctx)), Set.of(200, 400, 404, 412)),
                new Action(HandlerType.DELETE, student, ctx -> functions.deleteStudent(ctx.pathParam("studentid"),
                        ifMatch(ctx)), Set.of(204, 404, 412))));
        backups.ifPresent(backup -> actions.addAll(List.of(
                new Action(HandlerType.GET, root + "/backups", ctx -> backup.list(ctx.path(),
                        Optional.ofNullable(ctx.queryParam("limit")), Optional.ofNullable(ctx.queryParam("cursor"))),
                        Set.of(200, 400)),
                new Action(HandlerType.GET, root + "/backups/{name}", ctx -> backup.details(ctx.pathParam("name")),
                        Set.of(200, 400, 404)),
                new Action(HandlerType.POST, root + "/backups/{name}/restore", ctx -> backup.restore(
                        ctx.pathParam("name"), Optional.ofNullable(ctx.queryParam("mode")),
                        Optional.ofNullable(ctx.queryParam("confirm"))), Set.of(200, 400, 404)))));
        return List.copyOf(actions);
    }

    /** The paths of SPEC §3, whose preflight keeps allowing exactly {@code GET,POST,OPTIONS} (SPEC §4). */
    private static Set<String> referencePaths(String stage) {
        String root = "/" + stage;
        return Set.of(root, root + "/students", root + "/backup");
    }

    /**
     * Every route of {@code stage}. The stage root is an alias of {@code /students}; a trailing slash is the same
     * path (the router ignores it). A method a path does not allow gets {@code undefined} when present, else 405.
     */
    static List<Route> table(String stage, StudentFunctions functions, Optional<BackupFunctions> backups, Cors cors,
                             DataPlaneReplies replies, Optional<ApiResponse> undefined) {
        Map<String, List<HandlerType>> allowed = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        for (Action action : actions(stage, functions, backups)) {
            allowed.computeIfAbsent(action.path(), path -> new ArrayList<>()).add(action.method());
            routes.add(new Route(action.method(), action.path(),
                    ctx -> JsonReplies.answer(ctx, action.answer().apply(ctx)), Route.Access.API_KEY,
                    action.maxBodyBytes()));
        }
        Set<String> reference = referencePaths(stage);
        allowed.forEach((path, methods) -> {
            String preflight = reference.contains(path) ? CorsPolicy.ALLOW_METHODS : allowHeader(methods);
            routes.add(new Route(HandlerType.OPTIONS, path, ctx -> cors.preflight(ctx, preflight),
                    Route.Access.OPEN));
            ApiResponse notAllowed = undefined.orElseGet(() -> replies.methodNotAllowed(
                    methods.stream().map(HandlerType::name).toList()));
            REFUSED_METHODS.stream().filter(method -> !methods.contains(method)).forEach(method -> routes.add(
                    new Route(method, path, ctx -> JsonReplies.send(ctx, notAllowed), Route.Access.OPEN)));
        });
        return List.copyOf(routes);
    }

    /** The methods of a path in the order GET, POST, PUT, PATCH, DELETE, then OPTIONS. */
    private static String allowHeader(List<HandlerType> methods) {
        List<String> names = new ArrayList<>();
        for (HandlerType method : REFUSED_METHODS) {
            if (methods.contains(method)) {
                names.add(method.name());
            }
        }
        names.add("OPTIONS");
        return String.join(",", names);
    }

    private static DataPlaneAnswer list(Context ctx, StudentFunctions functions) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return functions.listStudents(new ListRequest(ctx.path(), query, Optional.ofNullable(ctx.header("Accept"))));
    }

    private static Optional<String> ifMatch(Context ctx) {
        return Optional.ofNullable(ctx.header("If-Match"));
    }
}
