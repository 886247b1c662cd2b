package dev.studentapi.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.server.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code LOG_FORMAT=json}: each access-log and application line is one JSON object on one line. */
class LogFormatTest {

    private final LoggerContext context = new LoggerContext();

    LogFormatTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private static ILoggingEvent event(LoggerContext context, String logger, String message, Object... arguments) {
        return new LoggingEvent(LogFormatTest.class.getName(), context.getLogger(logger), Level.INFO, message, null,
                arguments);
    }

    @Test
    void jsonIsOneObjectPerLineWithLevelLoggerAndTheFormattedMessage() {
        Encoder<ILoggingEvent> encoder = ConsoleLogging.encoder(context, "json");

        String access = new String(encoder.encode(event(context, "access",
                "mx5d-1 127.0.0.1 GET /prod/students 200 1.2ms key=abc")), StandardCharsets.UTF_8);
        String line = new String(encoder.encode(event(context, "dev.studentapi.server.Components",
                "Removed {} \"temporary\" file(s)\nnext", 2)), StandardCharsets.UTF_8);

        for (String text : new String[] {access, line}) {
            assertThat(text).endsWith("\n");
            assertThat(text.strip()).doesNotContain("\n").startsWith("{").endsWith("}");
        }
        JsonNode accessLine = Json.parse(access);
        assertThat(accessLine.get("level").asText()).isEqualTo("INFO");
        assertThat(accessLine.get("loggerName").asText()).isEqualTo("access");
        assertThat(accessLine.get("formattedMessage").asText())
                .isEqualTo("mx5d-1 127.0.0.1 GET /prod/students 200 1.2ms key=abc");
        assertThat(accessLine.get("timestamp").asLong()).isPositive();
        assertThat(Json.parse(line).get("formattedMessage").asText()).isEqualTo("Removed 2 \"temporary\" file(s)\nnext");
    }

    @Test
    void anythingElseIsTheTextPattern() {
        Encoder<ILoggingEvent> encoder = ConsoleLogging.encoder(context, null);

        String text = new String(encoder.encode(event(context, "access", "a line")), StandardCharsets.UTF_8);

        assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\S+ INFO  access a line\\R");
    }

    @Test
    void aWarningOfJettysKeepsItsExceptionOnOneLineWhileTheServersOwnErrorsKeepTheirTrace() {
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN); // as the server sets it; at DEBUG the trace stays
        Encoder<ILoggingEvent> encoder = ConsoleLogging.encoder(context, null);
        IllegalStateException race = new IllegalStateException("already released ReferenceCounter@1[rc=0]");

        String jetty = new String(encoder.encode(new LoggingEvent(LogFormatTest.class.getName(),
                context.getLogger("org.eclipse.jetty.util.thread.QueuedThreadPool"), Level.WARN, "Job failed", race,
                null)), StandardCharsets.UTF_8);
        String own = new String(encoder.encode(new LoggingEvent(LogFormatTest.class.getName(),
                context.getLogger("dev.studentapi.server.http.HttpApp"), Level.ERROR, "request x failed", race,
                null)), StandardCharsets.UTF_8);

        assertThat(jetty).matches("\\S+ WARN  QueuedThreadPool Job failed \\(java.lang.IllegalStateException: "
                + "already released ReferenceCounter@1\\[rc=0]\\)\\R");
        assertThat(jetty).doesNotContain("\tat ");
        assertThat(own).contains("request x failed").contains("\tat dev.studentapi.server.logging.LogFormatTest");
    }
}
