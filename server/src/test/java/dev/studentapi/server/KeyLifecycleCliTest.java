package dev.studentapi.server;

import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.server.cli.Main;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key expiry, rotation, last use and the audit log from the command line, against a server on the same data
 * directory whose clock the test moves.
 */
class KeyLifecycleCliTest {

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private TestServer server;

    private record Result(int code, String out, String err) {}

    private TestServer server() {
        if (server == null) {
            server = TestServer.start(dataDir, Map.of(), clock);
        }
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Map.of("DATA_DIR", dataDir.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Result ok(String... args) {
        Result result = cli(args);
        assertThat(result.code()).as(result.err()).isZero();
        return result;
    }

    private static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": (\\S+)$").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    /** A new key bound to the server's first plan: its id and value. */
    private String[] boundKey(String name, String... options) {
        server();
        String[] args = new String[3 + options.length];
        args[0] = "keys";
        args[1] = "create";
        args[2] = "--name=" + name;
        System.arraycopy(options, 0, args, 3, options.length);
        Result created = ok(args);
        String id = field(created.out(), "id");
        String planId = server().server().components().plans.list().get(0).id();
        ok("plans", "bind", planId, id);
        return new String[] {id, field(created.out(), "value")};
    }

    @Test
    void anExpiredKeyIsRefusedLikeADisabledOneFromItsTimeOn() {
        String[] key = boundKey("expiring");
        ok("keys", "expire", key[0], "2026-11-27T10:01:00Z");

        assertThat(server().get("/prod/students", key[1]).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(60));
        HttpResponse<String> refused = server().get("/prod/students", key[1]);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
        assertThat(refused.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(ok("keys", "list").out()).containsPattern(key[0] + ".*2026-11-27T10:01:00Z \\(expired\\)");

        ok("keys", "expire", key[0], "never");

        assertThat(server().get("/prod/students", key[1]).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyCreatedWithAnExpirationStopsAtIt() {
        String[] key = boundKey("short-lived", "--expires", "2026-11-27T11:00:00+01:00");

        assertThat(server().get("/prod/students", key[1]).statusCode()).isEqualTo(403);
        assertThat(ok("keys", "list").out()).contains("2026-11-27T10:00:00Z (expired)");
    }

    @Test
    void refusesATimeThatIsNotAnIsoTime() {
        server();
        String id = field(ok("keys", "create", "--name", "k").out(), "id");

        Result refused = cli("keys", "expire", id, "tomorrow");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("'tomorrow' is not an ISO time");
        assertThat(ok("keys", "list").out()).doesNotContain("expired");
    }

    @Test
    void rotationKeepsThePlansAndBothKeysWork() {
        String[] old = boundKey("partner");

        Result rotated = ok("keys", "rotate", old[0]);

        String newId = field(rotated.out(), "id");
        String newValue = field(rotated.out(), "value");
        assertThat(newValue).matches("[A-Za-z0-9]{40}").isNotEqualTo(old[1]);
        assertThat(field(rotated.out(), "replaces")).isEqualTo(old[0]);
        assertThat(ok("plans", "list").out()).contains(old[0]).contains(newId);
        assertThat(server().get("/prod/students", old[1]).statusCode()).isEqualTo(200);
        assertThat(server().get("/prod/students", newValue).statusCode()).isEqualTo(200);
        assertThat(cli("keys", "rotate", "nosuchkey1").err()).startsWith("error: API_KEY_NOT_FOUND: ");
    }

    @Test
    void listShowsWhenAKeyWasLastUsed() {
        String[] key = boundKey("busy");
        assertThat(ok("keys", "list").out()).containsPattern(key[0] + ".*never\\s+never\\s+busy");

        assertThat(server().get("/prod/students", key[1]).statusCode()).isEqualTo(200);
        server.close();
        server = null;

        assertThat(ok("keys", "list").out()).containsPattern(key[0] + ".*2026-11-27T10:00:00Z\\s+never\\s+busy");
    }

    @Test
    void theAuditLogListsTheCliChangesNewestFirstWithoutKeyValues() {
        server();
        Result created = ok("keys", "create", "--name", "audited");
        String id = field(created.out(), "id");
        String value = field(created.out(), "value");
        String planId = server().server().components().plans.list().get(0).id();
        ok("plans", "bind", planId, id);
        ok("keys", "disable", id);
        ok("keys", "expire", id, "2027-01-01T00:00:00Z");
        String newValue = field(ok("keys", "rotate", id).out(), "value");
        cli("keys", "disable", "nosuchkey1");

        String audit = ok("audit").out();
        String[] lines = audit.split(System.lineSeparator());

        assertThat(lines).hasSize(5);
        assertThat(lines[0]).contains("  cli  RotateApiKey  " + id + "  ");
        assertThat(lines[1]).contains("  cli  SetApiKeyExpiration  " + id + "  ").contains("\"expirationDate\":1798761600");
        assertThat(lines[2]).contains("  cli  UpdateApiKey  " + id + "  ").contains("before={\"name\":\"audited\"")
                .contains("\"enabled\":true").contains("\"enabled\":false");
        assertThat(lines[3]).contains("  cli  CreateUsagePlanKey  " + planId + ":" + id + "  before=-  after={");
        assertThat(lines[4]).contains("  cli  CreateApiKey  " + id + "  before=-  after={\"name\":\"audited\"");
        for (String secret : new String[] {value, newValue, KeyHash.of(value).hex(), KeyHash.of(newValue).hex()}) {
            assertThat(audit).doesNotContain(secret);
        }
        assertThat(ok("audit", "--limit", "2").out().split(System.lineSeparator())).hasSize(2);
        assertThat(ok("audit", "--target", planId + ":" + id).out().split(System.lineSeparator())).hasSize(1);
        assertThat(ok("audit", "--who", "cli").out()).isEqualTo(audit);
        assertThat(ok("audit", "--who", "AKIANOBODY").out()).isEmpty();
        assertThat(cli("audit", "--limit", "0").code()).isEqualTo(2);
    }
}
