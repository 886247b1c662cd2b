package dev.studentapi.testkit.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Tests run only by {@link TestReportTest}'s own launcher (no name the build runs): a skip, a pass, a failure. */
class ReportFixtures {
    @Test
    void needsAProgram() {
        Assumptions.abort("redis-server is not available (apt-get install redis-server)");
    }

    @Test
    void passes() {
        LoggerFactory.getLogger("dev.studentapi.fixture").warn("a line of a test that passes");
    }

    @Test
    void fails() {
        LoggerFactory.getLogger("dev.studentapi.fixture").warn("a line of a test that fails");
        throw new AssertionError("as it should");
    }
}
