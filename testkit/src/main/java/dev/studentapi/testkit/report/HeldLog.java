package dev.studentapi.testkit.report;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The tests' log appender (testkit's {@code logback-test.xml}): while JUnit runs tests in this JVM it holds each
 * test's lines, written to the console only when that test fails ({@link TestReport}); the last
 * {@link #HELD_LINES} are kept. In a JVM that runs no tests (a child process a test starts) it writes to standard
 * error at once.
 */
public final class HeldLog extends AppenderBase<ILoggingEvent> {

    static final int HELD_LINES = 2_000;
    private static final Deque<String> HELD = new ArrayDeque<>();
    private static volatile boolean holding;

    private PatternLayout layout;
    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(pattern);
        layout.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = layout.doLayout(event);
        if (!holding) {
            System.err.print(line);
            return;
        }
        synchronized (HELD) {
            if (HELD.size() == HELD_LINES) {
                HELD.pollFirst();
            }
            HELD.addLast(line);
        }
    }

    /** From now on lines are held (a JUnit run started in this JVM). */
    static void hold() {
        holding = true;
    }

    /** Writes the held lines to {@code out} and forgets them. */
    static void release(PrintStream out) {
        synchronized (HELD) {
            HELD.forEach(out::print);
            HELD.clear();
        }
        out.flush();
    }

    /** Forgets the held lines (the test they belong to passed). */
    static void discard() {
        synchronized (HELD) {
            HELD.clear();
        }
    }
}
