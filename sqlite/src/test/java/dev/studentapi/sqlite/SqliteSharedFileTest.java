package dev.studentapi.sqlite;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.testkit.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Two databases on one file stand for the server and the CLI, which run at once on one data folder. */
class SqliteSharedFileTest {
    static final LocalDate DAY = LocalDate.parse("2025-07-06");
    static final QuotaWindow WINDOW = new QuotaWindow(DAY, DAY.plusDays(1));

    @TempDir
    Path folder;
    private SqliteDatabase server;
    private SqliteDatabase cli;

    @BeforeEach
    void openTwice() {
        server = SqliteDatabase.open(folder.resolve("studentapi.db"));
        cli = SqliteDatabase.open(folder.resolve("studentapi.db"));
    }

    @AfterEach
    void close() {
        server.close();
        cli.close();
    }

    @Test
    void eachSeesTheOthersStudentsAtOnce() {
        SqliteStudentStore serverStudents = new SqliteStudentStore(server);
        SqliteStudentStore cliStudents = new SqliteStudentStore(cli);

        serverStudents.insert(student("SV001"));
        assertThat(cliStudents.listAll()).containsExactly(student("SV001"));

        assertThat(cliStudents.insert(student("SV001"))).isFalse();
        cliStudents.insert(student("SV002"));
        assertThat(serverStudents.listAll()).containsExactly(student("SV001"), student("SV002"));
    }

    @Test
    void aKeyCreatedOrDisabledByTheCliCountsAtOnceOnTheServer() {
        SqliteApiKeyStore serverKeys = new SqliteApiKeyStore(server);
        SqliteApiKeyStore cliKeys = new SqliteApiKeyStore(cli);
        Instant now = Instant.parse("2025-07-06T12:00:00Z");
        ApiKey key = new ApiKey("k1", "Imported", "", true, now, now, KeyHash.of("imported-value-0123456789"));

        assertThat(serverKeys.findByHash(key.valueHash())).isEmpty();
        cliKeys.create(key);
        assertThat(serverKeys.findByHash(key.valueHash())).contains(key);

        cliKeys.update(key.withEnabled(false, now.plusSeconds(1)));
        assertThat(serverKeys.findByHash(key.valueHash())).hasValueSatisfying(k -> assertThat(k.enabled()).isFalse());

        cliKeys.delete("k1");
        assertThat(serverKeys.findById("k1")).isEmpty();
    }

    @Test
    void planChangesAndBindingsByTheCliCountAtOnceOnTheServer() {
        SqliteUsagePlanStore serverPlans = new SqliteUsagePlanStore(server);
        SqliteUsagePlanStore cliPlans = new SqliteUsagePlanStore(cli);
        UsagePlan plan = new UsagePlan("p1", "StudentUsagePlan", "", null, null, List.of());

        assertThat(serverPlans.plansOfKey("k1")).isEmpty();
        cliPlans.create(plan);
        cliPlans.bindKey("p1", "k1");
        assertThat(serverPlans.plansOfKey("k1")).containsExactly(plan);

        cliPlans.unbindKey("p1", "k1");
        assertThat(serverPlans.plansOfKey("k1")).isEmpty();
    }

    @Test
    void quotaGrantedByTheCliCountsAtOnceOnTheServer() {
        SqliteUsageCounter serverCounter = new SqliteUsageCounter(server);
        SqliteUsageCounter cliCounter = new SqliteUsageCounter(cli);
        serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 1);
        assertThat(serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 1)).isInstanceOf(QuotaCharge.Exhausted.class);

        cliCounter.setUsed("p1", "k1", WINDOW, 0);

        assertThat(serverCounter.tryCharge("p1", "k1", WINDOW, DAY, 1)).isEqualTo(new QuotaCharge.Charged(1));
    }

    @Test
    void bothTogetherNeverChargeMoreThanTheLimit() throws Exception {
        List<SqliteUsageCounter> counters = List.of(new SqliteUsageCounter(server), new SqliteUsageCounter(cli));

        List<QuotaCharge> results = Race.run(40, thread ->
                counters.get(thread % 2).tryCharge("p1", "k1", WINDOW, DAY, 10));
        long racing = results.stream().filter(QuotaCharge.Charged.class::isInstance).count();
        long afterwards = 0;
        for (SqliteUsageCounter counter : counters) {
            while (counter.tryCharge("p1", "k1", WINDOW, DAY, 10) instanceof QuotaCharge.Charged) {
                afterwards++;
            }
        }

        assertThat(racing + afterwards).isEqualTo(10);
        assertThat(counters.get(1).used("p1", "k1", WINDOW)).isEqualTo(10);
    }
}
