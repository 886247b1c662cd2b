package dev.studentapi.server.http;

import dev.studentapi.core.StoreException;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.httpfaults.ClientFaults;
import dev.studentapi.server.metrics.Metrics;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The data plane as one Jetty core handler (no servlets): matches the route, refuses a body over its limit and
 * asks the gateway for the routes that need a key, runs the route, answers every failure through the data plane's
 * replies, and writes one access-log line and the request's metrics (route template, method, status, duration).
 */
final class DataPlaneHandler extends Handler.Abstract {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);

    private final RouteTable routes;
    private final BodyLimit bodyLimit;
    private final Optional<GatewayFilter> gateway;
    private final Metrics metrics;
    private final DataPlaneReplies replies;
    private final ProtocolReplies unreadable;
    private final ApiResponse unmatched;

    /** {@code unmatched} answers a request no route fits. */
    DataPlaneHandler(RouteTable routes, Optional<GatewayFilter> gateway, Metrics metrics, DataPlaneReplies replies,
                     ApiResponse unmatched) {
        this.routes = routes;
        this.bodyLimit = new BodyLimit(replies);
        this.gateway = gateway;
        this.metrics = metrics;
        this.replies = replies;
        this.unreadable = new ProtocolReplies(replies);
        this.unmatched = unmatched;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        Exchange exchange = new Exchange(request, response, done -> record(done, start));
        try {
            answer(exchange);
        } catch (Exception e) {
            if (exchange.committed()) {
                if (ClientFaults.statusOf(e).isPresent()) {
                    LOG.warn("request {} broken off while its answer was sent: {}", exchange.requestId(),
                            ClientFaults.describe(e));
                } else {
                    LOG.error("request {} failed while its answer was sent", exchange.requestId(), e);
                }
                exchange.count();
                callback.failed(e);
                return true;
            }
            fail(exchange, e);
        }
        exchange.send(callback);
        return true;
    }

    private void answer(Exchange exchange) throws Exception {
        RouteTable.Match match = routes.match(exchange.httpMethod(), exchange.path());
        if (match == null) {
            JsonReplies.send(exchange, unmatched);
            return;
        }
        exchange.matched(match);
        Route route = match.route();
        if (route.needsKey()) {
            if (!bodyLimit.check(exchange)) {
                return;
            }
            if (gateway.isPresent() && !gateway.get().admit(exchange)) {
                return;
            }
        }
        route.handler().handle(exchange);
    }

    /** A failure: a body over its limit 413, an unreachable store 503, the client's own fault its 4xx, else 500. */
    private void fail(Exchange exchange, Exception e) {
        if (e instanceof Exchange.BodyTooLarge) {
            exchange.header("Connection", "close");
            JsonReplies.send(exchange, replies.payloadTooLarge());
            return;
        }
        if (e instanceof StoreException) {
            metrics.storeError();
            LOG.warn("request {} refused: {}", exchange.requestId(), e.getMessage());
            JsonReplies.send(exchange, replies.failure(e));
            return;
        }
        int status = ClientFaults.answeredStatus(500, e, LOG, "request " + exchange.requestId());
        if (status != 500) {
            exchange.header("Connection", "close");
            JsonReplies.send(exchange, unreadable.forStatus(status));
            return;
        }
        JsonReplies.send(exchange, replies.failure(e));
    }

    /** The metrics and the access-log line of an answer about to be sent. */
    private void record(Exchange exchange, long start) {
        long nanos = System.nanoTime() - start;
        Route route = exchange.route();
        HttpMethod method = exchange.httpMethod();
        metrics.request(route == null ? "unmatched" : route.path(), method == null ? "OTHER" : method.asString(),
                exchange.status(), nanos);
        if (ACCESS.isInfoEnabled()) {
            String keyId = exchange.keyId();
            long tenths = Math.round(nanos / 100_000.0);
            ACCESS.info(new StringBuilder(96).append(exchange.requestId()).append(' ')
                    .append(exchange.remoteAddress()).append(' ').append(exchange.method()).append(' ')
                    .append(exchange.path()).append(' ').append(exchange.status()).append(' ').append(tenths / 10)
                    .append('.').append(tenths % 10).append("ms key=").append(keyId == null ? "-" : keyId)
                    .toString());
        }
    }
}
