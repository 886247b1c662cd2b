package dev.studentapi.sqlite;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;

class SqliteDurabilityTest {
    static final LocalDate DAY = LocalDate.parse("2025-07-06");
    static final QuotaWindow WINDOW = new QuotaWindow(DAY, DAY.plusDays(1));

    @TempDir
    Path folder;

    @Test
    void keepsStudentsKeysPlansBindingsAndCountsAcrossReopening() {
        Path file = folder.resolve("studentapi.db");
        ApiKey key = new ApiKey("k1", "StudentApiKey", "", true, Instant.parse("2025-07-06T00:00:00.001Z"),
                Instant.parse("2025-07-06T00:00:00.002Z"), KeyHash.of("a-value-of-twenty-chars"));
        UsagePlan plan = new UsagePlan("p1", "StudentUsagePlan", "", new ThrottleSettings(5, 10),
                new QuotaSettings(1000, QuotaPeriod.DAY, 0), List.of(new ApiStage("student", "prod")));

        SqliteDatabase before = SqliteDatabase.open(file);
        new SqliteStudentStore(before).insert(student("SV001"));
        new SqliteApiKeyStore(before).create(key);
        new SqliteUsagePlanStore(before).create(plan);
        new SqliteUsagePlanStore(before).bindKey("p1", "k1");
        new SqliteUsageCounter(before).tryCharge("p1", "k1", WINDOW, DAY, 3);
        new SqliteUsageCounter(before).tryCharge("p1", "k1", WINDOW, DAY, 3);
        before.close();

        SqliteDatabase after = SqliteDatabase.open(file);
        try {
            SqliteUsageCounter counter = new SqliteUsageCounter(after);
            assertThat(new SqliteStudentStore(after).listAll()).containsExactly(student("SV001"));
            assertThat(new SqliteApiKeyStore(after).findByHash(key.valueHash())).contains(key);
            assertThat(new SqliteUsagePlanStore(after).plansOfKey("k1")).containsExactly(plan);
            assertThat(counter.used("p1", "k1", WINDOW)).isEqualTo(2);
            assertThat(counter.daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 2L));
            assertThat(counter.tryCharge("p1", "k1", WINDOW, DAY, 3)).isEqualTo(new QuotaCharge.Charged(3));
            assertThat(counter.tryCharge("p1", "k1", WINDOW, DAY, 3)).isEqualTo(new QuotaCharge.Exhausted(3));
        } finally {
            after.close();
        }
    }
}
