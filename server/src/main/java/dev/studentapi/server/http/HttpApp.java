package dev.studentapi.server.http;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.BackupFunctions;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.OpenApiDocument;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.httpfaults.ClientFaults;
import dev.studentapi.httpfaults.EncodedUriCheck;
import dev.studentapi.server.config.ClientLimits;
import dev.studentapi.server.config.UnknownRoutes;
import dev.studentapi.server.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the data-plane HTTP server: its route table behind the gateway, downloads, the web page and headers. */
public final class HttpApp {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src *; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private HttpApp() {
    }

    /**
     * The server for {@code stage}; {@code gateway} empty means no key, throttle or quota checks (for measuring
     * the gateway's cost), {@code downloads} empty means backups are not served from here (S3 links instead).
     */
    public static Javalin create(String host, int port, String stage, List<String> corsOrigins,
                                 Optional<Gateway> gateway, StudentFunctions functions,
                                 Optional<DownloadRoute> downloads) {
        return create(host, port, stage, corsOrigins, gateway, functions, Optional.empty(), downloads);
    }

    /** The same, with the backup routes when {@code backups} is present. */
    public static Javalin create(String host, int port, String stage, List<String> corsOrigins,
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
    public static Javalin create(String host, int port, String stage, List<String> corsOrigins,
                                 Optional<Gateway> gateway, StudentFunctions functions,
                                 Optional<BackupFunctions> backups, Optional<DownloadRoute> downloads,
                                 ClientLimits limits, Clock clock, Metrics metrics, UnknownRoutes unknownRoutes,
                                 boolean rateLimitHeaders) {
        KeyAttempts attempts = new KeyAttempts(limits.authFailureLimit(), limits.trustedProxies(), clock);
        Cors cors = new Cors(corsOrigins);
        DataPlaneReplies replies = functions.replies();
        Optional<ApiResponse> undefined = unknownRoutes == UnknownRoutes.AWS
                ? Optional.of(DataPlaneReplies.missingAuthenticationToken()) : Optional.empty();
        ApiResponse unmatched = undefined.orElseGet(replies::notFound);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new ConnectionLimits(
                        new HttpConnectionFactory(http), limits.headerTimeout(), limits.maxConnections(),
                        new ProtocolReplies(replies).forStatus(503), cors.policy().headers(null)));
                connector.setHost(host);
                connector.setPort(port);
                connector.setIdleTimeout(limits.idleTimeout().toMillis());
                return connector;
            });
            config.http.maxRequestSize = BodyLimit.MAX_BODY_BYTES;
            config.http.generateEtags = false;
            config.router.ignoreTrailingSlashes = true;
            config.requestLogger.http((ctx, millis) -> {
                logAccess(ctx, millis);
                metrics.request(routeOf(ctx), ctx.method().name(), ctx.statusCode(), (long) (millis * 1_000_000L));
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.insertHandler(new EncodedUriCheck());
                context.insertHandler(new ResponseHeaders(cors.policy()));
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors(replies, cors.policy())));
            config.routes.beforeMatched(Route.keyedOnly(new BodyLimit(replies)::check));
            gateway.ifPresent(gate -> config.routes.beforeMatched(
                    Route.keyedOnly(new GatewayFilter(gate, attempts, metrics, rateLimitHeaders)::admit)));
            for (Route route : DataPlaneRoutes.table(stage, functions, backups, cors, replies, undefined)) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler(), route.roles());
            }
            downloads.ifPresent(route -> {
                config.routes.get("/downloads/{bucket}/<key>", ctx -> route.handle(ctx, replies));
                config.routes.head("/downloads/{bucket}/<key>", ctx -> route.head(ctx, replies));
            });
            config.routes.get("/config.json", ctx -> ctx.contentType("application/json")
                    .result("{\"apiBaseUrl\":\"/" + stage + "\"}"));
            byte[] openApi = OpenApiDocument.forStage(stage);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
            WebAssets webPage = new WebAssets(unmatched);
            config.routes.get("/", webPage::handle);
            config.routes.get("/<file>", webPage::handle);
            config.routes.head("/", webPage::handle);
            config.routes.head("/<file>", webPage::handle);
            failures(config, replies, metrics, unmatched);
        });
    }

    /**
     * Javalin's own refusals and every exception, answered through the data plane's replies; a request no route
     * matched gets {@code unmatched}.
     */
    private static void failures(JavalinConfig config, DataPlaneReplies replies, Metrics metrics,
                                 ApiResponse unmatched) {
        config.routes.error(404, ctx -> {
            if (ctx.attribute(RequestAttributes.ANSWERED) == null) {
                JsonReplies.send(ctx, unmatched);
            }
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> JsonReplies.send(ctx,
                protocolError(e, replies, unmatched)));
        config.routes.exception(StoreException.class, (e, ctx) -> {
            metrics.storeError();
            LOG.warn("request {} refused: {}", ctx.attribute(RequestAttributes.REQUEST_ID), e.getMessage());
            JsonReplies.send(ctx, replies.failure(e));
        });
        ProtocolReplies unreadable = new ProtocolReplies(replies);
        config.routes.exception(Exception.class, (e, ctx) -> {
            OptionalInt clientStatus = ClientFaults.statusOf(e);
            if (clientStatus.isPresent()) {
                LOG.warn("request {} refused: {}", ctx.attribute(RequestAttributes.REQUEST_ID),
                        ClientFaults.describe(e));
                ctx.header("Connection", "close");
                JsonReplies.send(ctx, unreadable.forStatus(clientStatus.getAsInt()));
                return;
            }
            LOG.error("request {} failed", ctx.attribute(RequestAttributes.REQUEST_ID), e);
            JsonReplies.send(ctx, replies.failure(e));
        });
    }

    /** Javalin's own refusals: a request it could not read (400), no route (404), a body over the limit (413). */
    private static ApiResponse protocolError(HttpResponseException e, DataPlaneReplies replies,
                                             ApiResponse unmatched) {
        return switch (e.getStatus()) {
            case 400 -> replies.invalidJson();
            case 404 -> unmatched;
            case 413 -> replies.payloadTooLarge();
            default -> replies.failure(e);
        };
    }

    /** The template of the route that answered ({@code /prod/students/{studentid}}), "unmatched" for none. */
    private static String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    /** One line per request: id, client address, method, path, status, time and key id (never the value). */
    private static void logAccess(Context ctx, Float millis) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        String keyId = ctx.attribute(RequestAttributes.KEY_ID);
        long tenths = Math.round(millis * 10.0);
        ACCESS.info(new StringBuilder(96).append((String) ctx.attribute(RequestAttributes.REQUEST_ID)).append(' ')
                .append(ctx.ip()).append(' ').append(ctx.method().name()).append(' ').append(ctx.path()).append(' ')
                .append(ctx.statusCode()).append(' ').append(tenths / 10).append('.').append(tenths % 10)
                .append("ms key=").append(keyId == null ? "-" : keyId).toString());
    }
}
