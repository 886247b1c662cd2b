package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data plane's connections, made by {@code delegate} (HTTP/1.1) within two limits: a connection that has not
 * sent a request's complete headers within {@code headerTimeout} is closed, timed from its opening for the first
 * request and from the first byte of each later one (a client that trickles its headers cannot hold a connection
 * for long; the connector's idle timeout closes keep-alive connections quiet between requests), and above
 * {@code maxConnections} open ones a new connection is answered {@code 503} in JSON and closed instead of queueing.
 */
final class ConnectionLimits extends ContainerLifeCycle implements ConnectionFactory, SelectorManager.AcceptListener {

    private final ConnectionFactory delegate;
    private final Duration headerTimeout;
    private final int maxConnections;
    private final byte[] refusal;
    private final AtomicInteger open = new AtomicInteger();
    /** Connections accepted over the limit, whose connection object is still to be made (on another thread). */
    private final Set<Object> overLimit = ConcurrentHashMap.newKeySet();

    ConnectionLimits(ConnectionFactory delegate, Duration headerTimeout, int maxConnections, ApiResponse busy,
                     Map<String, String> corsHeaders) {
        this.delegate = delegate;
        this.headerTimeout = headerTimeout;
        this.maxConnections = maxConnections;
        this.refusal = answer(busy, corsHeaders);
        addBean(delegate);
    }

    @Override
    public String getProtocol() {
        return delegate.getProtocol();
    }

    @Override
    public List<String> getProtocols() {
        return delegate.getProtocols();
    }

    /**
     * Counts a connection as it is accepted, one after the other in the order the clients connected (the connection
     * objects are made later on pool threads, in any order), so that the one over the limit is the last to come.
     */
    @Override
    public void onAccepting(SelectableChannel channel) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            overLimit.add(channel);
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable failure) {
        if (!overLimit.remove(channel)) {
            open.decrementAndGet();
        }
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        if (overLimit.remove(endPoint.getTransport())) {
            return new Refused(endPoint, connector, refusal);
        }
        Connection connection = delegate.newConnection(connector, endPoint);
        connection.addEventListener(new Connection.Listener() {
            @Override
            public void onClosed(Connection closed) {
                open.decrementAndGet();
            }
        });
        if (connection instanceof HttpConnection http) {
            new HeaderClock(http, connector.getScheduler(), headerTimeout).start();
        }
        return connection;
    }

    /** How many connections are open now. */
    int open() {
        return open.get();
    }

    /**
     * Looks at a connection every quarter of the timeout while it is open and closes it once it has been seen
     * within one request's headers for the whole timeout: the first request's from the opening, a later one's
     * from the first look that found it begun. So a connection is closed between one and one and a quarter
     * timeouts after its headers began, and never while it waits between requests or a request is handled.
     */
    private static final class HeaderClock implements Runnable {
        private final HttpConnection http;
        private final Scheduler scheduler;
        private final long timeoutNanos;
        private final long intervalMillis;
        private long watchedMessages;
        private long since;

        HeaderClock(HttpConnection http, Scheduler scheduler, Duration timeout) {
            this.http = http;
            this.scheduler = scheduler;
            this.timeoutNanos = timeout.toNanos();
            this.intervalMillis = Math.max(10, timeout.toMillis() / 4);
        }

        void start() {
            watchedMessages = 0;
            since = System.nanoTime();
            scheduler.schedule(this, intervalMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            EndPoint endPoint = http.getEndPoint();
            if (!endPoint.isOpen()) {
                return;
            }
            HttpParser parser = http.getParser();
            long messages = http.getMessagesIn();
            boolean inHeaders = parser.inHeaderState() && (messages == 0 || !parser.isStart());
            long now = System.nanoTime();
            if (!inHeaders) {
                watchedMessages = -1;
            } else if (watchedMessages != messages) {
                watchedMessages = messages;
                since = now;
            } else if (now - since >= timeoutNanos) {
                endPoint.close();
                return;
            }
            scheduler.schedule(this, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] answer(ApiResponse busy, Map<String, String> corsHeaders) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(busy.status()).append(" Service Unavailable\r\n")
                .append("Content-Type: ").append(ApiResponse.CONTENT_TYPE).append("\r\n");
        corsHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        busy.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Retry-After: 1\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: ")
                .append(busy.body().length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + busy.body().length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(busy.body(), 0, all, headBytes.length, busy.body().length);
        return all;
    }

    /**
     * A connection over the limit: answers 503 at once, ends its output, reads and drops whatever the client still
     * sends (so that closing does not reset the answer away) and closes when the client does, or within 5 s.
     */
    private static final class Refused extends AbstractConnection {
        private final byte[] answer;

        Refused(EndPoint endPoint, Connector connector, byte[] answer) {
            super(endPoint, connector.getExecutor());
            this.answer = answer;
            endPoint.setIdleTimeout(5_000);
        }

        @Override
        public void onOpen() {
            super.onOpen();
            getEndPoint().write(Callback.from(() -> {
                getEndPoint().shutdownOutput();
                fillInterested();
            }, failure -> getEndPoint().close()), ByteBuffer.wrap(answer));
        }

        @Override
        public void onFillable() {
            ByteBuffer buffer = BufferUtil.allocate(4096);
            try {
                while (true) {
                    BufferUtil.clear(buffer);
                    int read = getEndPoint().fill(buffer);
                    if (read < 0) {
                        getEndPoint().close();
                        return;
                    }
                    if (read == 0) {
                        fillInterested();
                        return;
                    }
                }
            } catch (IOException e) {
                getEndPoint().close();
            }
        }
    }
}
