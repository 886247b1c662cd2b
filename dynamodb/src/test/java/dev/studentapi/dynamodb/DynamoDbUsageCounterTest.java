package dev.studentapi.dynamodb;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaCharge.Charged;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.testkit.Race;
import dev.studentapi.testkit.contract.UsageCounterContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbUsageCounterTest extends UsageCounterContract {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    private static final LocalDate DAY = LocalDate.parse("2025-07-06");
    private static final QuotaWindow WINDOW = new QuotaWindow(DAY, DAY.plusDays(1));

    @Override
    protected UsageCounter newCounter() {
        return new DynamoDbUsageCounter(MOTO.freshTables());
    }

    @Test
    void chargesExactlyTheLimitWhenTwoInstancesRace() throws Exception {
        DynamoDbTables tables = MOTO.freshTables();
        List<UsageCounter> instances = List.of(new DynamoDbUsageCounter(tables),
                new DynamoDbUsageCounter(MOTO.sameTablesThrough(MOTO.newClient(), tables)));

        List<QuotaCharge> results = Race.run(40, thread ->
                instances.get(thread % 2).tryCharge("p1", "k1", WINDOW, DAY, 15));

        assertThat(results).filteredOn(Charged.class::isInstance).hasSize(15);
        assertThat(instances.get(1).used("p1", "k1", WINDOW)).isEqualTo(15);
        assertThat(instances.get(0).daily("p1", "k1", DAY, DAY)).isEqualTo(Map.of(DAY, 15L));
    }

    @Test
    void keepsIdsThatContainTheSeparatorApart() {
        UsageCounter counter = newCounter();

        counter.tryCharge("a/b", "c", WINDOW, DAY, 10);
        counter.tryCharge("a", "b/c", WINDOW, DAY, 10);

        assertThat(counter.used("a/b", "c", WINDOW)).isEqualTo(1);
        assertThat(counter.used("a", "b/c", WINDOW)).isEqualTo(1);
    }
}
