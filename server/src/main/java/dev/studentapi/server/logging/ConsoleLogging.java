package dev.studentapi.server.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's logging, set up in code rather than from an XML file (reading one costs a good part of start-up):
 * one line per event on standard error, INFO and up, Jetty and Javalin at WARN (Jetty's HTTP parser at ERROR: the
 * server logs each request it cannot read in one line of its own; a warning of Jetty's keeps its exception on that
 * line, see {@link TraceOrSummary}). A background thread formats the
 * lines (a request never waits for the log) into a 64 KiB buffer written out every {@link #FLUSH_MILLIS} ms,
 * so that an access line per request at tens of thousands of requests per second costs a write per batch, not
 * per line. Only when {@link #QUEUE_LINES} lines wait does a line get dropped. With {@code LOG_FORMAT=json}
 * every line is one JSON object instead. A file named by {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} on the class path (the tests'), replaces all of it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level %logger{0} %msg%"
            + TraceOrSummary.NAME + "%n";
    static final int QUEUE_LINES = 16_384;
    static final long FLUSH_MILLIS = 100;
    private static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Encoder<ILoggingEvent> encoder = encoder(context, System.getenv("LOG_FORMAT"));

        BufferedOutputStream stderr = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err),
                BUFFER_BYTES);
        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setEncoder(encoder);
        console.setImmediateFlush(false);
        console.setOutputStream(stderr);
        console.start();
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(() -> flush(stderr), FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);

        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC");
        async.setQueueSize(QUEUE_LINES);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(true);
        async.addAppender(console);
        async.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(async);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
        // a request the parser refuses is logged once, as the server's own one-line warning
        context.getLogger("org.eclipse.jetty.http.HttpParser").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * One JSON object per line (timestamp, level, logger, thread, message, key-value pairs, throwable) when
     * {@code LOG_FORMAT} is {@code json}; else the text pattern.
     */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if ("json".equalsIgnoreCase(format == null ? "" : format.strip())) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.start();
            return json;
        }
        @SuppressWarnings("unchecked")
        Map<String, Supplier<DynamicConverter<?>>> rules = (Map<String, Supplier<DynamicConverter<?>>>)
                context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put(TraceOrSummary.NAME, TraceOrSummary::new);
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(PATTERN);
        text.start();
        return text;
    }

    /** Writes out every line still queued or buffered and stops logging: the last thing before the JVM exits. */
    public static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    /** From now on, only warnings and errors (for runs whose INFO lines nobody reads, such as the warm-up). */
    public static void warningsOnly() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    private static void flush(BufferedOutputStream stream) {
        try {
            stream.flush();
        } catch (IOException e) {
            // standard error is gone: nothing left to tell
        }
    }
}
