package dev.studentapi.server.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.studentapi.server.TestServer;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.studentapi.server.console.ConsoleClient.json;
import static dev.studentapi.server.console.ConsoleClient.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's session over HTTP: the cookie's flags, the CSRF token and Origin check in front of the control
 * plane's operations, the sign-in limit and the idle expiry (on an injected clock), and sign-out.
 */
class ConsoleSessionHttpTest {
    static final String ADMIN_ID = "AKIDCONSOLEADMIN";
    static final String ADMIN_SECRET = "console-secret-for-tests-only";
    static final Map<String, String> ADMIN = Map.of("ADMIN_ACCESS_KEY_ID", ADMIN_ID, "ADMIN_SECRET_ACCESS_KEY", ADMIN_SECRET);

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-12-01T08:00:00Z");
    private TestServer server;

    private ConsoleClient console() {
        return new ConsoleClient(server.server().controlPlaneEndpoint());
    }

    private void start(Map<String, String> extra) {
        Map<String, String> variables = new java.util.HashMap<>(ADMIN);
        variables.putAll(extra);
        server = TestServer.start(dataDir, variables, clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndAnswersTheCsrfToken() {
        start(Map.of());
        ConsoleClient console = console();

        HttpResponse<String> signedIn = console.signIn(ADMIN_ID, ADMIN_SECRET);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(json(signedIn).get("accessKeyId").asText()).isEqualTo(ADMIN_ID);
        assertThat(console.csrfToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(setCookie(signedIn)).hasValueSatisfying(cookie -> assertThat(cookie)
                .matches("studentapi_console=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict")
                .doesNotContain("Secure"));
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> current = console.send("GET", "/console/session", null, false);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json(current).get("csrfToken").asText()).isEqualTo(console.csrfToken());
        assertThat(console().send("GET", "/console/session", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void theCookieIsSecureWhenTheProductIsPublishedOverHttps() {
        start(Map.of("PUBLIC_BASE_URL", "https://students.example.edu"));

        HttpResponse<String> signedIn = console().signIn(ADMIN_ID, ADMIN_SECRET);

        assertThat(setCookie(signedIn)).hasValueSatisfying(cookie -> assertThat(cookie)
                .isEqualTo(cookie.substring(0, cookie.indexOf(';')) + "; Path=/; HttpOnly; SameSite=Strict; Secure"));
    }

    @Test
    void aWrongSecretIsRefusedAndNeverLogged() {
        start(Map.of());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            HttpResponse<String> refused = console().signIn(ADMIN_ID, "not-the-secret-7f3a9c");

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("x-studentapi-code")).hasValue("SIGN_IN_REFUSED");
            assertThat(json(refused).get("message").asText()).isEqualTo("The access key ID or the secret access key is wrong.");
            assertThat(setCookie(refused)).isEmpty();
            assertThat(refused.body()).doesNotContain("not-the-secret-7f3a9c");
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("not-the-secret-7f3a9c") || line.contains(ADMIN_SECRET));
        } finally {
            root.detachAppender(lines);
        }
    }

    @Test
    void aSessionActsOnlyWithItsCsrfTokenAndChangesOnlyFromItsOwnOrigin() {
        start(Map.of());
        ConsoleClient console = console();
        console.signIn(ADMIN_ID, ADMIN_SECRET);
        String create = "{\"name\":\"csrf-key\",\"enabled\":true}";

        HttpResponse<String> noToken = console.send("POST", "/apikeys", create, false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.headers().firstValue("x-studentapi-code")).hasValue("CSRF_TOKEN_INVALID");
        assertThat(noToken.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        HttpResponse<String> wrongToken = console.send("GET", "/apikeys", null, false, "X-CSRF-Token", "forged");
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        HttpResponse<String> foreign = console.send("POST", "/apikeys", create, true, "Origin", "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("x-studentapi-code")).hasValue("ORIGIN_REFUSED");
        assertThat(json(console.call("GET", "/apikeys", null)).get("item").findValuesAsText("name"))
                .doesNotContain("csrf-key");

        String own = server.server().controlPlaneEndpoint().toString().replaceAll("/$", "");
        assertThat(console.send("POST", "/apikeys", create, true, "Origin", own).statusCode()).isEqualTo(201);
        assertThat(console.call("POST", "/apikeys", "{\"name\":\"no-origin\",\"enabled\":true}").statusCode()).isEqualTo(201);
        assertThat(json(console.call("GET", "/apikeys", null)).get("item").findValuesAsText("name"))
                .contains("csrf-key", "no-origin");
    }

    @Test
    void aRequestWithNeitherSessionNorSignatureIsRefused() {
        start(Map.of());
        ConsoleClient anonymous = console();

        HttpResponse<String> refused = anonymous.send("GET", "/apikeys", null, false);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }

    @Test
    void fiveFailedSignInsAMinuteFromOneAddressAreTheLimit() {
        start(Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(console().signIn(ADMIN_ID, "wrong-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> limited = console().signIn(ADMIN_ID, ADMIN_SECRET);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(limited.headers().firstValue("x-studentapi-code")).hasValue("SIGN_IN_LIMITED");
        assertThat(setCookie(limited)).isEmpty();

        clock.advance(Duration.ofSeconds(45));
        assertThat(console().signIn(ADMIN_ID, ADMIN_SECRET).headers().firstValue("Retry-After")).hasValue("15");
        clock.advance(Duration.ofSeconds(15));
        assertThat(console().signIn(ADMIN_ID, ADMIN_SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAfterEightHoursWithoutARequest() {
        start(Map.of());
        ConsoleClient console = console();
        console.signIn(ADMIN_ID, ADMIN_SECRET);

        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(console.call("GET", "/usageplans", null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(console.call("GET", "/usageplans", null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(8));

        HttpResponse<String> expired = console.call("GET", "/usageplans", null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("x-studentapi-code")).hasValue("SESSION_REQUIRED");
        assertThat(setCookie(expired)).hasValueSatisfying(cookie -> assertThat(cookie).startsWith("studentapi_console=;"));
        assertThat(console.send("GET", "/console/session", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSessionOnlyWithItsToken() {
        start(Map.of());
        ConsoleClient console = console();
        console.signIn(ADMIN_ID, ADMIN_SECRET);

        assertThat(console.send("DELETE", "/console/session", null, false).statusCode()).isEqualTo(403);
        assertThat(console.call("GET", "/usageplans", null).statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = console.call("DELETE", "/console/session", null);
        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(setCookie(signedOut)).hasValueSatisfying(cookie -> assertThat(cookie).contains("Max-Age=0"));
        assertThat(console.call("GET", "/usageplans", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theConsoleIsServedWithoutAuthenticationUnderItsContentSecurityPolicy() {
        start(Map.of());
        ConsoleClient anonymous = console();

        HttpResponse<String> page = anonymous.send("GET", "/console/", null, false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(anonymous.send("GET", "/console/vendor/uplot/uPlot.esm.js", null, false).statusCode()).isEqualTo(200);
        assertThat(anonymous.send("GET", "/console/missing.js", null, false).statusCode()).isEqualTo(404);
        assertThat(anonymous.send("GET", "/console/../apikeys", null, false).statusCode()).isNotEqualTo(200);
        HttpResponse<String> bare = anonymous.send("GET", "/console", null, false);
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue("/console/");
    }
}
