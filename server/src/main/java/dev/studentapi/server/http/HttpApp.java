package dev.studentapi.server.http;

import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.BackupFunctions;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.OpenApiDocument;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.httpfaults.EncodedUriCheck;
import dev.studentapi.server.config.ClientLimits;
import dev.studentapi.server.config.UnknownRoutes;
import dev.studentapi.server.metrics.Metrics;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the data-plane HTTP server on Jetty's core API (no servlets): its route table behind the gateway,
 * downloads, the web page and headers, within the connection limits, with JSON for the web server's own errors.
 */
public final class HttpApp {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src *; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private HttpApp() {
    }

    /**
     * The server for {@code stage}; {@code gateway} empty means no key, throttle or quota checks (for measuring
     * the gateway's cost), {@code downloads} empty means backups are not served from here (S3 links instead).
     */
    public static DataPlaneServer create(String host, int port, String stage, List<String> corsOrigins,
                                         Optional<Gateway> gateway, StudentFunctions functions,
                                         Optional<DownloadRoute> downloads) {
        return create(host, port, stage, corsOrigins, gateway, functions, Optional.empty(), downloads);
    }

    /** The same, with the backup routes when {@code backups} is present. */
    public static DataPlaneServer create(String host, int port, String stage, List<String> corsOrigins,
                                         Optional<Gateway> gateway, StudentFunctions functions,
                                         Optional<BackupFunctions> backups, Optional<DownloadRoute> downloads) {
        return create(host, port, stage, corsOrigins, gateway, functions, backups, downloads,
                ClientLimits.defaults(), Clock.systemUTC(), new Metrics(), UnknownRoutes.DEFAULT, false);
    }

    /**
     * The same, allowing each client what {@code limits} says ({@code clock} times its failed key attempts),
     * counting requests, refusals, charges and store errors in {@code metrics}, and answering a path or method the
     * data plane does not define as {@code unknownRoutes} says; with {@code rateLimitHeaders} every admitted answer
     * carries the RateLimit headers (refusals always do).
     */
    public static DataPlaneServer create(String host, int port, String stage, List<String> corsOrigins,
                                         Optional<Gateway> gateway, StudentFunctions functions,
                                         Optional<BackupFunctions> backups, Optional<DownloadRoute> downloads,
                                         ClientLimits limits, Clock clock, Metrics metrics,
                                         UnknownRoutes unknownRoutes, boolean rateLimitHeaders) {
        KeyAttempts attempts = new KeyAttempts(limits.authFailureLimit(), limits.trustedProxies(), clock);
        Cors cors = new Cors(corsOrigins);
        DataPlaneReplies replies = functions.replies();
        Optional<ApiResponse> undefined = unknownRoutes == UnknownRoutes.AWS
                ? Optional.of(DataPlaneReplies.missingAuthenticationToken()) : Optional.empty();
        ApiResponse unmatched = undefined.orElseGet(replies::notFound);

        List<Route> routes = new ArrayList<>(DataPlaneRoutes.table(stage, functions, backups, cors, replies,
                undefined));
        downloads.ifPresent(route -> {
            String path = "/downloads/{bucket}/<key>";
            routes.add(new Route(HttpMethod.GET, path, call -> route.handle(call, replies), Route.Access.OPEN));
            routes.add(new Route(HttpMethod.HEAD, path, call -> route.head(call, replies), Route.Access.OPEN));
        });
        byte[] config = ("{\"apiBaseUrl\":\"/" + stage + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] openApi = OpenApiDocument.forStage(stage);
        byte[] health = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        routes.add(new Route(HttpMethod.GET, "/config.json", call -> call.result(ApiResponse.CONTENT_TYPE, config),
                Route.Access.OPEN));
        routes.add(new Route(HttpMethod.GET, "/openapi.json", call -> call.result(ApiResponse.CONTENT_TYPE, openApi),
                Route.Access.OPEN));
        routes.add(new Route(HttpMethod.GET, "/health", call -> call.result(ApiResponse.CONTENT_TYPE, health),
                Route.Access.OPEN));
        WebAssets webPage = new WebAssets(unmatched);
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
            routes.add(new Route(method, "/", webPage::handle, Route.Access.OPEN));
            routes.add(new Route(method, "/<file>", webPage::handle, Route.Access.OPEN));
        }
        Optional<GatewayFilter> gatewayStep = gateway.map(gate -> new GatewayFilter(gate, attempts, metrics,
                rateLimitHeaders));
        DataPlaneHandler dataPlane = new DataPlaneHandler(new RouteTable(routes), gatewayStep, metrics, replies,
                unmatched);

        QueuedThreadPool threads = new QueuedThreadPool(250, 8, 60_000);
        threads.setName("data-plane");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new ConnectionLimits(new HttpConnectionFactory(http),
                limits.headerTimeout(), limits.maxConnections(), new ProtocolReplies(replies).forStatus(503),
                cors.policy().headers(null)));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.setErrorHandler(new ServerErrors(replies, cors.policy()));
        ResponseHeaders headers = new ResponseHeaders(cors.policy());
        EncodedUriCheck encoding = new EncodedUriCheck();
        headers.setHandler(encoding);
        encoding.setHandler(dataPlane);
        server.setHandler(headers);
        return new DataPlaneServer(server, connector);
    }
}
