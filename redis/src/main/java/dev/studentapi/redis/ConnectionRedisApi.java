package dev.studentapi.redis;

import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.util.function.Supplier;

/**
 * Gives Bucket4j the three Redis commands it needs on the shared connection, fetched on every call so that
 * the connection can open late. Kept generic because Bucket4j passes its keys as an {@code Object[]}.
 */
final class ConnectionRedisApi<K> implements RedisApi<K> {

    private final Supplier<RedisAsyncCommands<K, byte[]>> commands;

    ConnectionRedisApi(Supplier<RedisAsyncCommands<K, byte[]>> commands) {
        this.commands = commands;
    }

    @Override
    public <V> RedisFuture<V> eval(String script, ScriptOutputType scriptOutputType, K[] keys, byte[][] args) {
        return commands.get().eval(script, scriptOutputType, keys, args);
    }

    @Override
    public RedisFuture<byte[]> get(K key) {
        return commands.get().get(key);
    }

    @Override
    public RedisFuture<?> delete(K key) {
        return commands.get().del(keys(key));
    }

    /** An array of one key, made as Bucket4j makes its own: the erased type of {@code K[]} is Object[]. */
    @SuppressWarnings("unchecked")
    private K[] keys(K key) {
        return (K[]) new Object[] {key};
    }
}
