package dev.studentapi.dynamodb;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.usage.QuotaWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every store turns a DynamoDB failure (here: tables that were never created) into a StoreException. */
class DynamoDbFailuresTest {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    private final DynamoDbTables missing = new DynamoDbTables(MOTO.newClient(), "absent_");

    @Test
    void aStudentStoreNamesTheOperationButNotTheStudent() {
        DynamoDbStudentStore store = new DynamoDbStudentStore(missing);

        assertThatThrownBy(() -> store.insert(student("SV-secret-id")))
                .isInstanceOf(StoreException.class).hasMessageContaining("insert a student")
                .hasMessageNotContaining("SV-secret-id");
        assertThatThrownBy(store::listAll).isInstanceOf(StoreException.class).hasMessageContaining("list student");
    }

    @Test
    void anApiKeyStoreNamesTheOperationButNotTheKey() {
        DynamoDbApiKeyStore keys = new DynamoDbApiKeyStore(missing);
        KeyHash hash = KeyHash.of("a-secret-value-0123456789");
        ApiKey key = new ApiKey("k1", "Key", "", true, Instant.EPOCH, Instant.EPOCH, hash);

        assertThatThrownBy(() -> keys.create(key)).isInstanceOf(StoreException.class)
                .hasMessageContaining("create an API key").hasMessageNotContaining(hash.hex());
        assertThatThrownBy(() -> keys.findByHash(hash)).isInstanceOf(StoreException.class)
                .hasMessageContaining("find an API key by hash");
        assertThatThrownBy(keys::list).isInstanceOf(StoreException.class);
    }

    @Test
    void planStoreAndCounterNameTheOperation() {
        DynamoDbUsagePlanStore plans = new DynamoDbUsagePlanStore(missing);
        DynamoDbUsageCounter counter = new DynamoDbUsageCounter(missing);
        LocalDate day = LocalDate.parse("2025-07-06");

        assertThatThrownBy(() -> plans.bindKey("p1", "k1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("bind an API key");
        assertThatThrownBy(() -> counter.tryCharge("p1", "k1", new QuotaWindow(day, day.plusDays(1)), day, 5))
                .isInstanceOf(StoreException.class).hasMessageContaining("charge a request");
    }
}
