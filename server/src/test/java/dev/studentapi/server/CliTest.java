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
    void mistakesGiveOneLineWithTheRefusalCodeAndExitStatusTwo() {
        Result missing = cli("keys", "disable", "nosuchkey1");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: API_KEY_NOT_FOUND: no API key has the id nosuchkey1"
                + System.lineSeparator());
        Result shortValue = cli("keys", "create", "--name", "x", "--value", "tooshort");
        assertThat(shortValue.code()).isEqualTo(2);
        assertThat(shortValue.err()).startsWith("error: KEY_VALUE_TOO_SHORT: ").contains("20").doesNotContain("tooshort");
        assertThat(cli("keys", "list").out()).doesNotContain(" x" + System.lineSeparator());
    }

    @Test
    void plansThatTheRulesRefuseAreNotCreated() {
        assertRefused(cli("plans", "create", "--name", "p", "--rate", "5"), "THROTTLE_INCOMPLETE");
        assertRefused(cli("plans", "create", "--name", "p", "--burst", "5"), "THROTTLE_INCOMPLETE");
        assertRefused(cli("plans", "create", "--name", "p", "--rate", "0", "--burst", "5"), "THROTTLE_RATE_INVALID");
        assertRefused(cli("plans", "create", "--name", "p", "--period", "WEEK"), "QUOTA_INCOMPLETE");
        assertRefused(cli("plans", "create", "--name", "p", "--quota", "5", "--period", "YEAR"),
                "QUOTA_PERIOD_INVALID");
        assertRefused(cli("plans", "create", "--name", "p", "--quota", "5", "--period", "WEEK", "--offset", "7"),
                "QUOTA_OFFSET_OUT_OF_RANGE");
        assertRefused(cli("plans", "create", "--name", "p", "--stage", "student:dev"), "STAGE_NOT_SERVED");
        assertRefused(cli("plans", "create", "--name", "p", "--stage", "other:stage"), "API_NOT_FOUND");
        assertRefused(cli("plans", "create", "--name", "p", "--stage", "nocolon"), "API_STAGE_INVALID");
        assertRefused(cli("plans", "create", "--name", " "), "PLAN_NAME_REQUIRED");
        assertThat(cli("plans", "list").out()).doesNotContain("  p  ");

        Result served = cli("plans", "create", "--name", "p", "--quota", "5", "--stage", "student:prod");
        assertThat(served.code()).as(served.err()).isZero();
        assertThat(served.out()).contains("quota=5/DAY").contains("stages=[student:prod]");
    }

    @Test
    void usageReportsCoverAtMostNinetyDaysInOrder() {
        String keyId = field(cli("keys", "create", "--name", "u").out(), "id");
        assertRefused(cli("usage", "--key", keyId, "--from", "2026-01-01", "--to", "2026-04-01"),
                "DATE_RANGE_TOO_LONG");
        assertRefused(cli("usage", "--key", keyId, "--from", "2026-01-02", "--to", "2026-01-01"),
                "DATE_RANGE_REVERSED");
        assertThat(cli("usage", "--key", keyId, "--from", "2026-01-01", "--to", "2026-03-31").code()).isZero();
    }

    private static void assertRefused(Result result, String code) {
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + code + ": ").hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }
}
