package dev.studentapi.redis;

import dev.studentapi.core.StoreException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One shared Lettuce client and connection to the Redis at a {@code REDIS_URL} such as
 * {@code redis://127.0.0.1:6379/0}. Safe for concurrent use. Fails closed and fast: it connects on first use,
 * every command gives up after the command timeout (2 s by default), commands are rejected at once while the
 * connection is down, and a lost reply is never replayed; every such failure is a {@link StoreException}
 * naming the address. Lettuce reconnects in the background (at least once a second), so calls work again
 * once Redis is back.
 */
public final class RedisConnection implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final ClientResources resources;
    private final RedisClient client;
    private final String address;
    private final Duration timeout;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private long lastFailedAttemptNanos;
    private StoreException lastFailure;

    private RedisConnection(RedisURI uri, Duration timeout) {
        this.timeout = timeout;
        this.address = uri.getSocket() != null ? uri.getSocket() : uri.getHost() + ":" + uri.getPort();
        uri.setTimeout(timeout);
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .replayFilter(command -> true)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
    }

    /** A connection to {@code redisUrl} with the default command timeout; nothing is sent until first use. */
    public static RedisConnection open(String redisUrl) {
        return open(redisUrl, DEFAULT_TIMEOUT);
    }

    /** A connection to {@code redisUrl} whose commands give up after {@code timeout}. */
    public static RedisConnection open(String redisUrl, Duration timeout) {
        if (redisUrl == null || redisUrl.isBlank()) {
            throw new IllegalArgumentException("REDIS_URL must be set, e.g. redis://127.0.0.1:6379/0");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the Redis command timeout must be positive");
        }
        return new RedisConnection(RedisURI.create(redisUrl), timeout);
    }

    /** Host and port (never the password), for messages. */
    public String address() {
        return address;
    }

    Duration timeout() {
        return timeout;
    }

    /** Runs blocking commands, turning Redis failures into {@link StoreException}. */
    <T> T call(Function<RedisCommands<String, byte[]>, T> commands) {
        try {
            return commands.apply(connection().sync());
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** The shared connection, opened on first use; throws StoreException while Redis cannot be reached. */
    StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> current = connection;
        return current != null ? current : connect();
    }

    private synchronized StatefulRedisConnection<String, byte[]> connect() {
        if (connection != null) {
            return connection;
        }
        long retryGap = Math.min(timeout.toNanos(), TimeUnit.SECONDS.toNanos(1));
        if (lastFailure != null && System.nanoTime() - lastFailedAttemptNanos < retryGap) {
            throw new StoreException(lastFailure.getMessage(), lastFailure.getCause());
        }
        try {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            lastFailure = null;
            return connection;
        } catch (RuntimeException e) {
            lastFailedAttemptNanos = System.nanoTime();
            lastFailure = new StoreException("Redis is unreachable at " + address + ": " + e.getMessage(), e);
            throw lastFailure;
        }
    }

    /** Translates a failure of a Redis call into a StoreException; anything else is returned unchanged. */
    RuntimeException failure(RuntimeException e) {
        if (e instanceof StoreException) {
            return e;
        }
        if (e instanceof RedisCommandExecutionException) {
            return new StoreException("Redis at " + address + " refused a command: " + e.getMessage(), e);
        }
        if (e instanceof RedisException || e instanceof io.github.bucket4j.TimeoutException) {
            return new StoreException("Redis is unreachable at " + address + ": " + e.getMessage(), e);
        }
        return e;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, timeout);
        resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
