package dev.studentapi.dynamodb;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negative cache of key lookups on DynamoDB (moto): a flood of unknown values costs one scan, not a read each,
 * and a key created by another instance is admitted once the snapshot is {@link KnownKeyHashes#FRESH} old; this
 * instance's own writes, and deletions anywhere, are seen at once.
 */
class DynamoDbUnknownKeyTest {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    private static final Instant CREATED = Instant.parse("2026-12-02T04:00:00Z");

    /** Counts the DynamoDB operations a client sends, by name. */
    private static final class Calls implements ExecutionInterceptor {
        final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            byOperation.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    name -> new AtomicInteger()).incrementAndGet();
        }

        int of(String operation) {
            AtomicInteger count = byOperation.get(operation);
            return count == null ? 0 : count.get();
        }
    }

    private final MutableClock clock = MutableClock.at("2026-12-02T04:00:00Z");
    private final Calls calls = new Calls();
    private DynamoDbClient counted;
    private DynamoDbApiKeyStore other;
    private DynamoDbApiKeyStore here;

    @BeforeEach
    void twoInstances() {
        DynamoDbTables tables = MOTO.freshTables();
        other = new DynamoDbApiKeyStore(tables);
        counted = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(MOTO.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(calls))
                .build();
        here = new DynamoDbApiKeyStore(MOTO.sameTablesThrough(counted, tables), clock);
    }

    @AfterEach
    void closeClient() {
        counted.close();
    }

    private static ApiKey key(String id, String value) {
        return new ApiKey(id, id, "", true, CREATED, CREATED, KeyHash.of(value));
    }

    @Test
    void aFloodOfUnknownValuesCostsOneScanInsteadOfAReadEach() {
        other.create(key("k1", "the-real-value-0123456789"));

        for (int i = 0; i < 500; i++) {
            assertThat(here.findByHash(KeyHash.of("random-value-" + i + "-0123456789"))).isEmpty();
        }

        assertThat(calls.of("Scan")).isEqualTo(1);
        assertThat(calls.of("GetItem")).isEqualTo(1);
        assertThat(here.findByHash(KeyHash.of("the-real-value-0123456789"))).map(ApiKey::id).contains("k1");
    }

    @Test
    void aKeyCreatedByAnotherInstanceIsFoundOnceTheSnapshotIsStale() {
        KeyHash hash = KeyHash.of("imported-value-0123456789");
        assertThat(here.findByHash(hash)).isEmpty();

        other.create(key("k1", "imported-value-0123456789"));

        assertThat(here.findByHash(hash)).as("within the staleness bound").isEmpty();
        clock.advance(KnownKeyHashes.FRESH);
        assertThat(here.findByHash(hash)).map(ApiKey::id).contains("k1");
    }

    @Test
    void aKeyCreatedByThisInstanceIsFoundAtOnce() {
        KeyHash hash = KeyHash.of("imported-value-0123456789");
        assertThat(here.findByHash(hash)).isEmpty();

        here.create(key("k1", "imported-value-0123456789"));

        assertThat(here.findByHash(hash)).map(ApiKey::id).contains("k1");
        assertThat(here.findByHash(KeyHash.of("unknown-value-0123456789"))).isEmpty();
    }

    @Test
    void aKeyDeletedOrExpiredByAnotherInstanceIsSeenAtOnce() {
        other.create(key("k1", "the-real-value-0123456789"));
        other.create(key("k2", "the-other-value-0123456789"));
        assertThat(here.findByHash(KeyHash.of("no-such-value-0123456789"))).isEmpty();
        assertThat(here.findByHash(KeyHash.of("the-real-value-0123456789"))).isPresent();

        other.delete("k1");
        other.setExpiration("k2", Optional.of(CREATED));

        assertThat(here.findByHash(KeyHash.of("the-real-value-0123456789"))).isEmpty();
        assertThat(here.findByHash(KeyHash.of("the-other-value-0123456789"))).map(ApiKey::expiration)
                .contains(Optional.of(CREATED));
    }
}
