package dev.studentapi.server;

import dev.studentapi.controlplane.AdminCredentialSet;
import dev.studentapi.controlplane.AdminCredentials;
import dev.studentapi.controlplane.AdminCredentialsFile;
import dev.studentapi.controlplane.AdminCredentialsJson;
import dev.studentapi.controlplane.ControlPlaneServer;
import dev.studentapi.controlplane.ControlPlaneSettings;
import dev.studentapi.controlplane.console.ConsoleOptions;
import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.functions.DataPlaneAssembly;
import dev.studentapi.functions.OpenApiDocument;
import dev.studentapi.server.config.Engines;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.config.SettingsException;
import dev.studentapi.server.http.DataPlaneServer;
import dev.studentapi.server.http.DownloadRoute;
import dev.studentapi.server.http.HttpApp;
import dev.studentapi.server.metrics.OperationsRoutes;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Starts the whole system on one machine: stores, gateway, data plane, downloads, the web page, and the
 * API Gateway-compatible control plane on its own port.
 */
public final class StudentApiServer {

    private StudentApiServer() {
    }

    public static RunningServer start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    public static RunningServer start(Settings settings, Clock clock) {
        settings.requireDistinctPorts();
        requireSharedCredentials(settings);
        AtomicReference<Integer> boundPort = new AtomicReference<>(settings.port());
        Components components = Components.build(settings, clock, () -> settings.publicBaseUrl(boundPort.get()));
        try {
            LeftoverFiles.remove(settings.dataDir(), clock);
            components.metrics.bindJvm();
            Gateway gateway = components.gateway();
            DataPlaneAssembly dataPlane = components.dataPlane();
            Optional<IssuedApiKey> created = components.bootstrap.ensureDefaults(gateway, settings.bootstrap());
            DataPlaneServer http = HttpApp.create(settings.host(), settings.port(), settings.stage(),
                    settings.corsAllowedOrigins(), settings.gatewayEnabled() ? Optional.of(gateway) : Optional.empty(),
                    dataPlane.functions(), Optional.of(dataPlane.backupFunctions()),
                    components.downloads().map(DownloadRoute::new), settings.clientLimits(), clock,
                    components.metrics, settings.unknownRoutes(),
                    settings.rateLimitHeaders());
            http.start();
            boundPort.set(http.port());
            AtomicReference<AdminCredentials> generated = new AtomicReference<>();
            ControlPlaneServer admin;
            try {
                admin = ControlPlaneServer.start(controlPlaneSettings(settings, components, generated::set),
                        components.keys, components.plans, components.usage, components.lifecycle, components.audit,
                        clock, OpenApiDocument.text(), ConsoleOptions.publishedAt(settings.publicBaseUrl(http.port())),
                        OperationsRoutes.of(components.metrics, settings.metricsToken(), components::readiness));
            } catch (RuntimeException e) {
                http.stop();
                throw e;
            }
            Optional<ScheduledBackups> schedule = settings.backupSchedule().map(expression ->
                    ScheduledBackups.start(expression, settings.backupTimeZone(), components, clock));
            return new RunningServer(http, admin, components, created, Optional.ofNullable(generated.get()),
                    schedule);
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
    }

    /**
     * Instances on a shared store serve one control plane, so they must share its credentials: generating them
     * (each instance its own, in its own data directory) is refused.
     */
    private static void requireSharedCredentials(Settings settings) {
        if (settings.engines().store() == Engines.Store.DYNAMODB && settings.adminAccessKeyId().isEmpty()
                && settings.adminCredentialsFile().isEmpty()) {
            throw new SettingsException("STORE=dynamodb: set ADMIN_ACCESS_KEY_ID and ADMIN_SECRET_ACCESS_KEY (or "
                    + "ADMIN_CREDENTIALS_FILE), the same on every instance (generated control-plane credentials would "
                    + "differ per instance)");
        }
    }

    private static ControlPlaneSettings controlPlaneSettings(Settings settings, Components components,
                                                             Consumer<AdminCredentials> onGenerated) {
        List<AdminCredentials> credentials = new ArrayList<>();
        settings.adminCredentialsFile().ifPresent(file -> {
            try {
                credentials.addAll(AdminCredentialsJson.read(file));
            } catch (IllegalArgumentException e) {
                throw new SettingsException("ADMIN_CREDENTIALS_FILE: " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw new SettingsException("ADMIN_CREDENTIALS_FILE: " + e.getMessage() + ": " + e.getCause());
            }
        });
        Optional<AdminCredentials> pair = settings.adminAccessKeyId()
                .map(id -> new AdminCredentials(id, settings.adminSecretAccessKey().orElseThrow()));
        if (pair.isPresent()) {
            credentials.add(pair.get());
        } else if (credentials.isEmpty()) {
            credentials.add(AdminCredentialsFile.loadOrCreate(settings.dataDir().adminCredentials(), onGenerated));
        }
        AdminCredentialSet set;
        try {
            set = new AdminCredentialSet(credentials);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("ADMIN_CREDENTIALS_FILE: " + e.getMessage());
        }
        return new ControlPlaneSettings(settings.adminBind(), settings.adminPort(), set, settings.adminRegion(),
                ControlPlaneSettings.API_NAME, settings.adminAccountId());
    }
}
