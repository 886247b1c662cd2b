package dev.studentapi.server.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.studentapi.core.StoreException;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.backup.BackupNoticeEmail;
import dev.studentapi.core.student.ConfirmationEmail;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.student.StudentValidator;
import dev.studentapi.core.text.Language;
import dev.studentapi.functions.JsonSnapshotFormat;
import dev.studentapi.functions.PageCursor;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.server.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails inside the server, over real HTTP: 503 when the store cannot be reached, 500 for anything
 * else, one log line each (the stack trace only for a 500), and never a trace in the body.
 */
class FailureRepliesTest {

    /** A store whose reads find the engine unreachable and whose writes meet a defect. */
    private static final StudentStore BROKEN = new StudentStore() {
        @Override
        public boolean insert(Student student) {
            throw new IllegalStateException("a defect deep inside the store");
        }

        @Override
        public void forEachOrdered(StudentSink sink) {
            throw new StoreException("the students' disk is gone");
        }
    };

    private final Logger log = (Logger) LoggerFactory.getLogger(HttpApp.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private DataPlaneServer app;

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        StudentService students = new StudentService(BROKEN, new StudentValidator(clock), message -> { },
                new ConfirmationEmail(Language.EN, "noreply@localhost"));
        BackupService backups = new BackupService(BROKEN, null, new JsonSnapshotFormat(), message -> { },
                new BackupNoticeEmail(Language.EN, "noreply@localhost"), "admin@localhost", clock);
        app = HttpApp.create("127.0.0.1", 0, "prod", List.of("*"), Optional.empty(),
                new StudentFunctions(students, backups, null, PageCursor.ofRandomSecret(), Language.EN),
                Optional.empty()).start();
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void stop() {
        log.detachAppender(lines);
        app.stop();
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnreachableStoreIsServiceUnavailableLoggedAsOneWarningWithoutATrace() {
        HttpResponse<String> response = send("GET", "/prod/students", null);

        assertThat(response.body()).isEqualTo(
                "{\"message\":\"Service Unavailable: the students' disk is gone\",\"code\":\"SERVICE_UNAVAILABLE\"}");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceUnavailableException");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("the students' disk is gone");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void anyOtherFailureIsAnInternalErrorLoggedWithItsTraceButAnsweredWithout() {
        HttpResponse<String> response = send("POST", "/prod/students", Json.student("SV001", "An"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\",\"code\":\"INTERNAL_ERROR\"}");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("a defect deep inside the store");
        });
    }

    @Test
    void withoutTheGatewayNoKeyIsAskedForAndTheRouteTableStillRefusesWhatItDoesNotServe() {
        assertThat(send("GET", "/prod/backup", null).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/prod/teachers", null).body())
                .isEqualTo("{\"message\":\"Not Found\",\"code\":\"NOT_FOUND\"}");
        assertThat(send("POST", "/prod/students", "{}").statusCode()).as("no 403: no gateway").isEqualTo(400);
    }
}
