package dev.studentapi.server.http;

import dev.studentapi.core.StoreException;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.core.gateway.Gateway;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Builds the data-plane HTTP server: gateway, student routes, downloads, the web page and its headers. */
public final class HttpApp {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src *; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS, HandlerType.HEAD);

    private HttpApp() {
    }

    /**
     * The server for {@code stage}; {@code gateway} empty means no key, throttle or quota checks (for measuring
     * the gateway's cost), {@code downloads} empty means backups are not served from here (S3 links instead).
     */
    public static Javalin create(String host, int port, String stage, List<String> corsOrigins,
                                 Optional<Gateway> gateway, StudentFunctions functions,
                                 Optional<DownloadRoute> downloads) {
        Cors cors = new Cors(corsOrigins);
        DataPlaneRoutes dataPlane = new DataPlaneRoutes(stage, cors, gateway.map(GatewayFilter::new), functions);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = DataPlaneRoutes.MAX_BODY_BYTES;
            config.http.generateEtags = false;
            config.requestLogger.http(HttpApp::logAccess);
            config.jetty.modifyServletContextHandler(context -> context.insertHandler(
                    new ResponseHeaders(cors.policy())));
            for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, dataPlane.stagePrefix(), dataPlane::handle);
                config.routes.addHttpHandler(method, dataPlane.stagePrefix() + "/<rest>", dataPlane::handle);
            }
            downloads.ifPresent(route -> config.routes.get("/downloads/{bucket}/<key>", route::handle));
            config.routes.get("/config.json", ctx -> ctx.contentType("application/json")
                    .result("{\"apiBaseUrl\":\"/" + stage + "\"}"));
            config.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
            WebAssets webPage = new WebAssets();
            config.routes.get("/", webPage::handle);
            config.routes.get("/<file>", webPage::handle);
            config.routes.head("/", webPage::handle);
            config.routes.head("/<file>", webPage::handle);
            config.routes.error(404, ctx -> JsonReplies.error(ctx, 404, "Not Found"));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> JsonReplies.error(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "Request Entity Too Large" : e.getMessage()));
            config.routes.exception(StoreException.class, (e, ctx) -> {
                LOG.warn("request {} refused: {}", ctx.attribute(RequestAttributes.REQUEST_ID), e.getMessage());
                JsonReplies.gatewayError(ctx, 503, "ServiceUnavailableException",
                        "Service Unavailable: " + e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> internalError(e, ctx));
        });
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

    private static void internalError(Exception e, Context ctx) {
        LOG.error("request {} failed", ctx.attribute(RequestAttributes.REQUEST_ID), e);
        JsonReplies.error(ctx, 500, "Internal server error");
    }
}
