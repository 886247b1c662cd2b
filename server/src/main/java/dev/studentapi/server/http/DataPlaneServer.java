package dev.studentapi.server.http;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The data plane's web server (Jetty, core API): started once, stopped once. */
public final class DataPlaneServer {

    private final Server server;
    private final ServerConnector connector;

    DataPlaneServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Listens on its host and port (0: any free one); fails when it cannot. */
    public DataPlaneServer start() {
        try {
            server.start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot listen on " + connector.getHost() + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening and closes its connections. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the data plane's web server: " + e.getMessage(), e);
        }
    }
}
