package dev.studentapi.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * The throwable of a log line: the full stack trace for the server's own errors, but for a warning of Jetty's
 * (a connection a client broke off, a buffer race inside Jetty's HTTP/1.1 connection) only its kind and message on
 * the same line, so that a client's doing never writes a stack trace to the log. At DEBUG the trace is kept.
 */
public final class TraceOrSummary extends ThrowableProxyConverter {

    static final String NAME = "traceOrSummary";

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return "";
        }
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) || !event.getLoggerName().startsWith("org.eclipse.jetty")
                || debugging(event)) {
            String trace = super.convert(event);
            return System.lineSeparator() + trace.stripTrailing();
        }
        String message = thrown.getMessage();
        return " (" + thrown.getClassName() + (message == null ? "" : ": " + message.replace('\n', ' ')) + ")";
    }

    private boolean debugging(ILoggingEvent event) {
        return getContext() instanceof LoggerContext loggers && loggers.getLogger(event.getLoggerName())
                .isDebugEnabled();
    }
}
