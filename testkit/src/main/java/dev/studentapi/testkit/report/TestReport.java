package dev.studentapi.testkit.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;

/**
 * Registered with JUnit in every module that uses testkit: prints each skipped test or class with its reason
 * (a missing moto_server, Redis, Chromium or Node) to the console, where the reports also carry it, and the log
 * lines of a failed test (those of passing tests are dropped, {@link HeldLog}).
 */
public final class TestReport implements TestExecutionListener {

    private static final boolean LOGBACK = present("ch.qos.logback.classic.spi.ILoggingEvent");

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (LOGBACK) {
            HeldLog.hold();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        console().println("[SKIPPED] " + name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            console().println("[SKIPPED] " + name(test) + ": " + result.getThrowable()
                    .map(Throwable::getMessage).orElse("aborted"));
        }
        if (!LOGBACK || !(test.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED)) {
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            console().println("[LOG of failed " + name(test) + "]");
            HeldLog.release(console());
        } else if (test.isTest()) {
            HeldLog.discard();
        }
    }

    /** The test's class (simple name) and, for a test, its display name. */
    private static String name(TestIdentifier test) {
        String owner = test.getSource().map(source -> source instanceof MethodSource method ? method.getClassName()
                : source instanceof ClassSource type ? type.getClassName() : null).orElse(null);
        if (owner == null) {
            return test.getDisplayName();
        }
        String simple = owner.substring(owner.lastIndexOf('.') + 1);
        return test.isTest() ? simple + " " + test.getDisplayName() : simple;
    }

    private static PrintStream console() {
        return System.out;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, TestReport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
