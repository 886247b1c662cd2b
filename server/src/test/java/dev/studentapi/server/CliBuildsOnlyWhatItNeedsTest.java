package dev.studentapi.server;

import dev.studentapi.server.cli.Main;
import dev.studentapi.server.config.DataDirectory;
import dev.studentapi.sqlite.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console task opens the stores only: with an S3 bucket, SES and a Redis limiter configured, the key and plan
 * commands neither create the bucket nor probe Redis. Both engines are listening sockets that nobody answers;
 * the kernel queues any connection made to them, so an empty queue afterwards shows that none was tried.
 */
class CliBuildsOnlyWhatItNeedsTest {

    @TempDir
    Path dataDir;

    private record Result(int code, String out, String err) {}

    private static ServerSocketChannel listening() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0), 16);
        channel.configureBlocking(false);
        return channel;
    }

    private static int port(ServerSocketChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static Result cli(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void keyAndPlanCommandsWithS3AndRedisConfiguredContactNeither() throws IOException {
        SqliteDatabase.open(new DataDirectory(dataDir).database()).close(); // a server's data directory
        try (ServerSocketChannel aws = listening(); ServerSocketChannel redis = listening()) {
            Map<String, String> environment = Map.of("DATA_DIR", dataDir.toString(), "BUCKET", "s3", "MAIL", "ses",
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port(aws), "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test", "LIMITER", "redis",
                    "REDIS_URL", "redis://127.0.0.1:" + port(redis));

            Result created = cli(environment, "keys", "create", "--name", "console-key");
            Result keys = cli(environment, "keys", "list");
            Result plans = cli(environment, "plans", "list");

            assertThat(created.code()).as(created.err()).isZero();
            assertThat(keys.code()).as(keys.err()).isZero();
            assertThat(keys.out()).contains("console-key");
            assertThat(plans.code()).as(plans.err()).isZero();
            assertThat(aws.accept()).as("a connection to the S3/SES endpoint").isNull();
            assertThat(redis.accept()).as("a connection to Redis").isNull();
        }
    }
}
