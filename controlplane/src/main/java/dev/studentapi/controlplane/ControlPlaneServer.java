package dev.studentapi.controlplane;

import dev.studentapi.controlplane.console.Console;
import dev.studentapi.controlplane.console.ConsoleCredentials;
import dev.studentapi.controlplane.console.ConsoleOptions;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.audit.AuditTrail;
import dev.studentapi.core.lifecycle.KeyLifecycle;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsageService;
import dev.studentapi.httpfaults.EncodedUriCheck;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;

/**
 * The control plane: Amazon API Gateway's REST API for API keys, usage plans and usage, on its own port,
 * signed with SigV4, over the same core services as the data plane, so every change applies at once.
 */
public final class ControlPlaneServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneServer.class);

    private final Javalin app;
    private final String bindAddress;

    private ControlPlaneServer(Javalin app, String bindAddress) {
        this.app = app;
        this.bindAddress = bindAddress;
    }

    /** The document GetExport describes when the data plane's is not given: an API without routes. */
    private static final String NO_ROUTES = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"\", \"version\": \"0\"}, "
            + "\"paths\": {}}";

    /** Starts listening, with a GetExport that describes no routes. */
    public static ControlPlaneServer start(ControlPlaneSettings settings, ApiKeyService keys, UsagePlanService plans,
                                           UsageService usage, KeyLifecycle lifecycle, AuditTrail audit,
                                           Clock clock) {
        return start(settings, keys, plans, usage, lifecycle, audit, clock, NO_ROUTES);
    }

    /**
     * Starts listening on {@code settings.bindAddress():settings.port()} (port 0 picks a free one);
     * {@code dataPlaneOpenApi} is the data plane's OpenAPI 3.1 document, which GetExport exports; every
     * successful change is recorded in {@code audit}.
     */
    public static ControlPlaneServer start(ControlPlaneSettings settings, ApiKeyService keys, UsagePlanService plans,
                                           UsageService usage, KeyLifecycle lifecycle, AuditTrail audit,
                                           Clock clock, String dataPlaneOpenApi) {
        return start(settings, keys, plans, usage, lifecycle, audit, clock, dataPlaneOpenApi,
                ConsoleOptions.plainHttp());
    }

    /** As above, with the console's cookie options (from {@code PUBLIC_BASE_URL}). */
    public static ControlPlaneServer start(ControlPlaneSettings settings, ApiKeyService keys, UsagePlanService plans,
                                           UsageService usage, KeyLifecycle lifecycle, AuditTrail audit,
                                           Clock clock, String dataPlaneOpenApi, ConsoleOptions console) {
        return start(settings, keys, plans, usage, lifecycle, audit, clock, dataPlaneOpenApi, console, Map.of());
    }

    /** As above, also answering {@code GET} on each path of {@code unsignedGets} without a signature. */
    public static ControlPlaneServer start(ControlPlaneSettings settings, ApiKeyService keys, UsagePlanService plans,
                                           UsageService usage, KeyLifecycle lifecycle, AuditTrail audit,
                                           Clock clock, String dataPlaneOpenApi, ConsoleOptions console,
                                           Map<String, Handler> unsignedGets) {
        PublishedApi api = new PublishedApi(plans.servedStage().stage(), settings.apiName(), clock.instant());
        SignatureFilter signatures = new SignatureFilter(new SigV4Verifier(settings.credentials(), clock),
                unsignedGets.keySet());
        PermissionFilter permissions = new PermissionFilter(settings.credentials(), settings.region(),
                settings.accountId());
        ApiExport export = new ApiExport(dataPlaneOpenApi, settings.region(), settings.accountId());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.bindAddress();
            config.jetty.port = settings.port();
            config.jetty.modifyServletContextHandler(context -> context.insertHandler(new EncodedUriCheck()));
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            unsignedGets.forEach((path, handler) -> config.routes.get(path, handler));
            ControlPlaneRoutes.register(config.routes,
                    Console.create(ConsoleCredentials.of(settings.credentials()), console, clock), signatures,
                    permissions,
                    new ApiKeyHandlers(keys, new ApiKeyImport(keys, plans)),
                    new UsagePlanHandlers(plans),
                    new UsagePlanKeyHandlers(plans, keys),
                    new UsageHandlers(usage, plans, keys, clock),
                    new RestApiHandlers(api, export),
                    new TagHandlers(keys, plans),
                    settings.accountId(),
                    new AuditStep(audit), new KeyLifecycleHandlers(lifecycle), new AuditHandlers(audit));
        }).start();
        LOG.info("Control plane (API Gateway API, SigV4 for access keys {}) listening on http://{}:{}",
                settings.credentials().accessKeyIds(), settings.bindAddress(), app.port());
        if (!isLoopback(settings.bindAddress())) {
            LOG.warn("The control plane is bound to {}, reachable from other machines over plain HTTP; requests "
                    + "must still be signed, but put TLS in front of it or use ADMIN_BIND=127.0.0.1",
                    settings.bindAddress());
        }
        return new ControlPlaneServer(app, settings.bindAddress());
    }

    /** The port actually bound (useful when the settings asked for port 0). */
    public int port() {
        return app.port();
    }

    /** The URL to give {@code aws --endpoint-url} or an SDK's endpoint override on this machine. */
    public URI endpoint() {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
