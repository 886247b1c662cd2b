package dev.studentapi.redis;

import dev.studentapi.testkit.ExternalProgram;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

/** The Redis at 127.0.0.1:6379 that these tests need, with a unique key prefix per test. */
final class LocalRedis {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final String URL = "redis://" + HOST + ":" + PORT + "/0";

    private LocalRedis() {
    }

    /** Skips the test (or fails it, with -Dit.required=true) when Redis does not answer. */
    static void require() {
        ExternalProgram.require("redis at " + HOST + ":" + PORT, reachable(), "apt-get install redis-server");
    }

    static String uniquePrefix() {
        return "studentapi-test:" + UUID.randomUUID() + ":";
    }

    /** Deletes every key under {@code prefix}. */
    static void deleteKeys(RedisConnection redis, String prefix) {
        redis.call(commands -> {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    commands.del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return null;
        });
    }

    static long countKeys(RedisConnection redis, String prefix) {
        return redis.call(commands -> {
            long count = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                count += page.getKeys().size();
                cursor = page;
            } while (!cursor.isFinished());
            return count;
        });
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
