package dev.studentapi.dynamodb;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.KeyHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table written by the version that kept a key's expiration on its {@code ACTIVITY#} item: the next start moves
 * each onto the key, so the key still expires, and keeps an expiration the key has been given since.
 */
class DynamoDbEarlierExpirationsTest {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant EARLIER = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant OWN = Instant.parse("2027-06-01T00:00:00Z");

    @Test
    void expirationsKeptOnActivityItemsMoveOntoTheirKeysOnce() {
        DynamoDbTables tables = MOTO.freshTables();
        DynamoDbApiKeyStore keys = new DynamoDbApiKeyStore(tables);
        keys.create(new ApiKey("k1", "expiring", "", true, CREATED, CREATED, KeyHash.of("value-one-0123456789")));
        keys.create(new ApiKey("k2", "given its own", "", true, CREATED, CREATED, KeyHash.of("value-two-0123456789")));
        keys.setExpiration("k2", java.util.Optional.of(OWN));
        for (String id : new String[] {"k1", "k2", "gone"}) {
            tables.client().putItem(r -> r.tableName(tables.apiKeys()).item(Map.of(
                    "pk", AttributeValue.fromS("ACTIVITY#" + id), "keyId", AttributeValue.fromS(id),
                    "lastUsedMillis", AttributeValue.fromN("1000"),
                    "expirationMillis", AttributeValue.fromN(Long.toString(EARLIER.toEpochMilli())))));
        }

        assertThat(keys.adoptEarlierExpirations()).isEqualTo(1);
        assertThat(keys.adoptEarlierExpirations()).isZero();

        assertThat(keys.findById("k1").flatMap(ApiKey::expiration)).contains(EARLIER);
        assertThat(keys.findByHash(KeyHash.of("value-one-0123456789")).map(key -> key.expiredAt(EARLIER)))
                .contains(true);
        assertThat(keys.findById("k2").flatMap(ApiKey::expiration)).contains(OWN);
        assertThat(keys.findById("gone")).isEmpty();
        assertThat(new DynamoDbKeyActivityStore(tables).find("k1").flatMap(activity -> activity.lastUsedDate()))
                .contains(Instant.ofEpochMilli(1000));
        assertThat(tables.client().getItem(r -> r.tableName(tables.apiKeys())
                .key(Map.of("pk", AttributeValue.fromS("ACTIVITY#k1")))).item()).doesNotContainKey("expirationMillis");
    }
}
