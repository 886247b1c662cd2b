package dev.studentapi.server;

import dev.studentapi.core.apikey.IssuedApiKey;
import io.javalin.Javalin;

import java.net.URI;
import java.util.Optional;

/** A started server; closing it stops the listener and closes the stores. */
public final class RunningServer implements AutoCloseable {

    private final Javalin http;
    private final Components components;
    private final Optional<IssuedApiKey> bootstrapKey;

    RunningServer(Javalin http, Components components, Optional<IssuedApiKey> bootstrapKey) {
        this.http = http;
        this.components = components;
        this.bootstrapKey = bootstrapKey;
    }

    public int port() {
        return http.port();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The stage's invoke URL, {@code http://127.0.0.1:<port>/<stage>}. */
    public URI invokeUrl() {
        return URI.create(baseUrl() + "/" + components.settings.stage());
    }

    /** The value of the StudentApiKey created by this start, when this start created it. */
    public Optional<String> bootstrapKeyValue() {
        return bootstrapKey.map(IssuedApiKey::value);
    }

    public Components components() {
        return components;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            components.close();
        }
    }
}
