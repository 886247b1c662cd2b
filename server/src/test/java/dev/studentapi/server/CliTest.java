package dev.studentapi.server;

import dev.studentapi.server.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console tasks of the reference system from the command line, on the data directory a server is using. */
class CliTest {

    @TempDir
    Path dataDir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Result(int code, String out, String err) {}

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Map.of("DATA_DIR", dataDir.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": (\\S+)$").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    @Test
    void aKeyCreatedAndBoundFromTheCliWorksAtOnceAndDisablingItForbidsItAtOnce() {
        Result created = cli("keys", "create", "--name", "ci-key");
        assertThat(created.code()).as(created.err()).isZero();
        String keyId = field(created.out(), "id");
        String value = field(created.out(), "value");
        assertThat(value).matches("[A-Za-z0-9]{40}");
        assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(403);

        Result plan = cli("plans", "create", "--name", "ci-plan", "--rate", "100", "--burst", "100",
                "--quota", "50", "--period", "WEEK");
        assertThat(plan.code()).as(plan.err()).isZero();
        String planId = field(plan.out(), "id");
        assertThat(cli("plans", "bind", planId, keyId).code()).isZero();
        assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(200);

        assertThat(cli("keys", "disable", keyId).code()).isZero();
        assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(403);
        assertThat(cli("keys", "enable", keyId).code()).isZero();
        assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(200);

        Result usage = cli("usage", "--key", keyId);
        assertThat(usage.code()).as(usage.err()).isZero();
        assertThat(usage.out()).contains("ci-plan").containsPattern("\\d{4}-\\d{2}-\\d{2}\\s+2\\s+48");

        Result list = cli("keys", "list");
        assertThat(list.out()).contains("ci-key").contains("StudentApiKey").doesNotContain(value)
                .doesNotContain(server.key());
        assertThat(cli("plans", "list").out()).contains("ci-plan").contains("quota=50/WEEK").contains(keyId);

        assertThat(cli("plans", "unbind", planId, keyId).code()).isZero();
        assertThat(server.get("/prod/students", value).statusCode()).isEqualTo(403);
        assertThat(cli("keys", "delete", keyId).code()).isZero();
        assertThat(cli("keys", "list").out()).doesNotContain("ci-key");
    }

    @Test
    void mistakesGiveAMessageAndANonZeroExit() {
        Result missing = cli("keys", "disable", "nosuchkey1");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("Invalid API Key identifier specified");
        Result shortValue = cli("keys", "create", "--name", "x", "--value", "tooshort");
        assertThat(shortValue.code()).isNotZero();
        assertThat(shortValue.err()).contains("20");
    }
}
