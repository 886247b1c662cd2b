package dev.studentapi.testkit.report;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** A class disabled with a reason, as a missing moto_server disables one; run only by {@link TestReportTest}. */
@Disabled("moto_server is not available (pip install 'moto[server]')")
class DisabledReportFixture {
    @Test
    void neverRuns() {
    }
}
