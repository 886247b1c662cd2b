package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.BackupFunctions;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.ListRequest;
import dev.studentapi.functions.StudentFunctions;
import org.eclipse.jetty.http.HttpMethod;

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
    private static final List<HttpMethod> REFUSED_METHODS = List.of(HttpMethod.GET, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD);
    /** What every keyed route may answer besides its own statuses: the gateway's refusals and failures. */
    static final Set<Integer> KEYED_STATUSES = Set.of(403, 429, 500, 503);
    /** What a route that reads a body may answer besides: a body over its limit. */
    static final Set<Integer> BODY_STATUSES = Set.of(413);
    /** The largest import body. */
    static final long MAX_IMPORT_BYTES = 100L * 1024 * 1024;

    /** Answers one resource method from the request. */
    @FunctionalInterface
    interface Answer {
        DataPlaneAnswer apply(Exchange exchange) throws Exception;
    }

    /** One resource method: what it answers, the statuses of its own answers, whether it reads a body. */
    record Action(HttpMethod method, String path, Answer answer, Set<Integer> statuses, long maxBodyBytes) {
        Action(HttpMethod method, String path, Answer answer) {
            this(method, path, answer, Set.of(), BodyLimit.MAX_BODY_BYTES);
        }

        Action(HttpMethod method, String path, Answer answer, Set<Integer> statuses) {
            this(method, path, answer, statuses, BodyLimit.MAX_BODY_BYTES);
        }

        /** Every status this route answers: its own, the gateway's and (when it reads a body) 413. */
        Set<Integer> allStatuses() {
            boolean readsBody = method == HttpMethod.POST || method == HttpMethod.PUT
                    || method == HttpMethod.PATCH;
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
                new Action(HttpMethod.GET, root + "/students", call -> list(call, functions), Set.of(200, 400)),
                new Action(HttpMethod.POST, root + "/students", call -> functions.insertStudent(call.bodyAsBytes()),
                        Set.of(201, 400, 409)),
                new Action(HttpMethod.GET, root, call -> list(call, functions), Set.of(200, 400)),
                new Action(HttpMethod.POST, root, call -> functions.insertStudent(call.bodyAsBytes()),
                        Set.of(201, 400, 409)),
                new Action(HttpMethod.POST, root + "/backup", call -> functions.backup(), Set.of(200, 500)),
                new Action(HttpMethod.POST, root + "/students/import",
                        call -> ImportBody.importFrom(call, functions, MAX_IMPORT_BYTES), Set.of(200, 400, 415),
                        MAX_IMPORT_BYTES),
                new Action(HttpMethod.GET, student, call -> functions.getStudent(call.pathParam("studentid")),
                        Set.of(200, 404)),
                new Action(HttpMethod.PUT, student, call -> functions.replaceStudent(call.pathParam("studentid"),
                        call.bodyAsBytes(), ifMatch(call)), Set.of(200, 400, 404, 412)),
                new Action(HttpMethod.PATCH, student, call -> functions.patchStudent(call.pathParam("studentid"),
                        call.bodyAsBytes(), ifMatch(call)), Set.of(200, 400, 404, 412)),
                new Action(HttpMethod.DELETE, student, call -> functions.deleteStudent(call.pathParam("studentid"),
                        ifMatch(call)), Set.of(204, 404, 412))));
        backups.ifPresent(backup -> actions.addAll(List.of(
                new Action(HttpMethod.GET, root + "/backups", call -> backup.list(call.path(),
                        Optional.ofNullable(call.queryParam("limit")), Optional.ofNullable(call.queryParam("cursor"))),
                        Set.of(200, 400)),
                new Action(HttpMethod.GET, root + "/backups/{name}", call -> backup.details(call.pathParam("name")),
                        Set.of(200, 400, 404)),
                new Action(HttpMethod.POST, root + "/backups/{name}/restore", call -> backup.restore(
                        call.pathParam("name"), Optional.ofNullable(call.queryParam("mode")),
                        Optional.ofNullable(call.queryParam("confirm"))), Set.of(200, 400, 404)))));
        return List.copyOf(actions);
    }

    /** The paths of SPEC §3, whose preflight keeps allowing exactly {@code GET,POST,OPTIONS} (SPEC §4). */
    private static Set<String> referencePaths(String stage) {
        String root = "/" + stage;
        return Set.of(root, root + "/students", root + "/backup");
    }

    /**
     * Every route of {@code stage}. The stage root is an alias of {@code /students}; a trailing slash is the same
     * path (the route table ignores it). A method a path does not allow gets {@code undefined} when present, else 405.
     */
    static List<Route> table(String stage, StudentFunctions functions, Optional<BackupFunctions> backups, Cors cors,
                             DataPlaneReplies replies, Optional<ApiResponse> undefined) {
        Map<String, List<HttpMethod>> allowed = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        for (Action action : actions(stage, functions, backups)) {
            allowed.computeIfAbsent(action.path(), path -> new ArrayList<>()).add(action.method());
            routes.add(new Route(action.method(), action.path(),
                    call -> JsonReplies.answer(call, action.answer().apply(call)), Route.Access.API_KEY,
                    action.maxBodyBytes()));
        }
        Set<String> reference = referencePaths(stage);
        allowed.forEach((path, methods) -> {
            String preflight = reference.contains(path) ? CorsPolicy.ALLOW_METHODS : allowHeader(methods);
            routes.add(new Route(HttpMethod.OPTIONS, path, call -> cors.preflight(call, preflight),
                    Route.Access.OPEN));
            ApiResponse notAllowed = undefined.orElseGet(() -> replies.methodNotAllowed(
                    methods.stream().map(HttpMethod::name).toList()));
            REFUSED_METHODS.stream().filter(method -> !methods.contains(method)).forEach(method -> routes.add(
                    new Route(method, path, call -> JsonReplies.send(call, notAllowed), Route.Access.OPEN)));
        });
        return List.copyOf(routes);
    }

    /** The methods of a path in the order GET, POST, PUT, PATCH, DELETE, then OPTIONS. */
    private static String allowHeader(List<HttpMethod> methods) {
        List<String> names = new ArrayList<>();
        for (HttpMethod method : REFUSED_METHODS) {
            if (methods.contains(method)) {
                names.add(method.name());
            }
        }
        names.add("OPTIONS");
        return String.join(",", names);
    }

    private static DataPlaneAnswer list(Exchange exchange, StudentFunctions functions) {
        return functions.listStudents(new ListRequest(exchange.path(), exchange.queryFirstValues(),
                Optional.ofNullable(exchange.header("Accept"))));
    }

    private static Optional<String> ifMatch(Exchange exchange) {
        return Optional.ofNullable(exchange.header("If-Match"));
    }
}
