package dev.studentapi.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One access-log line per request, naming the key by id and never by value. */
class AccessLogTest {

    @TempDir
    Path dataDir;

    @Test
    void logsEachRequestWithItsIdStatusLatencyAndKeyIdButNoKeyValue() {
        Logger access = (Logger) LoggerFactory.getLogger("access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try (TestServer server = TestServer.start(dataDir, Map.of())) {
            String keyId = server.server().components().keys.list().get(0).id();
            HttpResponse<String> ok = server.get("/prod/students", server.key());
            server.get("/prod/students", "wrong-key-value-0123456789");
            server.post("/prod/students", "{}", server.key());

            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).hasSize(3);
            String requestId = ok.headers().firstValue("x-amzn-RequestId").orElseThrow();
            assertThat(logged.get(0)).startsWith(requestId + " 127.0.0.1 GET /prod/students 200 ")
                    .contains("ms key=" + keyId);
            assertThat(logged.get(1)).contains(" 403 ").endsWith("key=-");
            assertThat(logged.get(2)).contains("POST /prod/students 400");
            assertThat(String.join("\n", logged)).doesNotContain(server.key())
                    .doesNotContain("wrong-key-value-0123456789");
        } finally {
            access.detachAppender(lines);
        }
    }
}
