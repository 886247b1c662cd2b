package dev.studentapi.server;

import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.http.DownloadRoute;
import dev.studentapi.server.http.HttpApp;
import io.javalin.Javalin;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the whole system on one machine: stores, gateway, data plane, downloads and the web page. */
public final class StudentApiServer {

    private StudentApiServer() {
    }

    public static RunningServer start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    public static RunningServer start(Settings settings, Clock clock) {
        AtomicReference<Integer> boundPort = new AtomicReference<>(settings.port());
        Components components = Components.build(settings, clock, () -> URI.create(
                settings.publicBaseUrl().orElse("http://127.0.0.1:" + boundPort.get())));
        try {
            Optional<IssuedApiKey> created = components.bootstrap.ensureDefaults(components.gateway,
                    settings.bootstrap());
            Javalin http = HttpApp.create(settings.host(), settings.port(), settings.stage(),
                    settings.corsAllowedOrigins(), components.gateway, components.functions,
                    new DownloadRoute(components.downloads));
            http.start();
            boundPort.set(http.port());
            return new RunningServer(http, components, created);
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
    }
}
