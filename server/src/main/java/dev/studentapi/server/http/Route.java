package dev.studentapi.server.http;

import org.eclipse.jetty.http.HttpMethod;

/**
 * One entry of the data plane's route table: a method and a path template ({@code {name}} one segment,
 * {@code <name>} the rest of the path), what answers them, who may call them and the largest body they take.
 */
record Route(HttpMethod method, String path, Handler handler, Access access, long maxBodyBytes) {

    /** Whether a route is behind the gateway (a key, the throttle and the quota) or open to anyone. */
    enum Access {
        API_KEY,
        OPEN
    }

    /** Answers one request that matched the route. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    Route(HttpMethod method, String path, Handler handler, Access access) {
        this(method, path, handler, access, BodyLimit.MAX_BODY_BYTES);
    }

    boolean needsKey() {
        return access == Access.API_KEY;
    }
}
