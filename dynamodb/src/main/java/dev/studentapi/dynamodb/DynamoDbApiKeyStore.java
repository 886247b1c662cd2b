package dev.studentapi.dynamodb;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.apikey.SealedValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.studentapi.dynamodb.Attributes.n;
import static dev.studentapi.dynamodb.Attributes.number;
import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.Attributes.string;
import static dev.studentapi.dynamodb.DynamoDbTables.PK;

/**
 * API keys in the {@code StudentApiKeys} table: an item {@code KEY#id} with the metadata and value hash (never a
 * value in clear, only sealed when values are kept encrypted; timestamps to the millisecond), and an item
 * {@code HASH#hash} naming the key id, which makes hashes unique and lookups by hash strongly consistent. Both
 * items are written and removed in one transaction. A key's expiration is an attribute of its {@code KEY#} item,
 * read with it. A lookup of a value that no key has is answered, without a read, from the hashes of every key as
 * a scan at most {@link KnownKeyHashes#FRESH} old found them ({@link KnownKeyHashes}), so that a flood of unknown
 * values costs one scan per second instead of a read each. Safe for concurrent use by any number of instances;
 * engine failures throw {@link StoreException}.
 */
public final class DynamoDbApiKeyStore implements ApiKeyStore {

    private static final String KEY = "KEY#";
    private static final String HASH = "HASH#";
    private static final String NOT_EXISTS = "attribute_not_exists(" + PK + ")";
    private static final String SAME_HASH = "valueHash = :hash";
    private static final String EXPIRATION = "expirationMillis";
    private static final int ATTEMPTS = 8;
    private static final Comparator<ApiKey> BY_NAME_THEN_ID =
            Comparator.comparing(ApiKey::name).thenComparing(ApiKey::id);

    private final DynamoDbClient client;
    private final String table;
    private final DynamoDbBindings bindings;
    private final KnownKeyHashes known;

    public DynamoDbApiKeyStore(DynamoDbTables tables) {
        this(tables, Clock.systemUTC());
    }

    /** A store whose negative cache ({@link KnownKeyHashes}) tells its age by {@code clock}. */
    public DynamoDbApiKeyStore(DynamoDbTables tables, Clock clock) {
        this.client = tables.client();
        this.table = tables.apiKeys();
        this.bindings = new DynamoDbBindings(tables);
        this.known = new KnownKeyHashes(clock, this::scanHashes);
    }

    @Override
    public boolean create(ApiKey key) {
        boolean created = Transactions.write(client, "create an API key", List.of(
                put(item(key), NOT_EXISTS, null), put(hashItem(key), NOT_EXISTS, null)));
        if (created) {
            known.written();
        }
        return created;
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return DynamoDbCall.run("find an API key by id", () -> get(KEY + id).map(DynamoDbApiKeyStore::key));
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        if (known.certainlyAbsent(hash)) {
            return Optional.empty();
        }
        Optional<ApiKey> found = DynamoDbCall.run("find an API key by hash", () -> get(HASH + hash.hex())
                .flatMap(item -> get(KEY + string(item, "keyId")))
                .map(DynamoDbApiKeyStore::key)
                .filter(key -> key.valueHash().equals(hash)));
        if (found.isEmpty()) {
            try {
                known.missed();
            } catch (StoreException notNow) {
                // no snapshot this time: unknown values keep costing a read until a scan succeeds
            }
        }
        return found;
    }

    @Override
    public List<ApiKey> list() {
        return DynamoDbCall.run("list API keys", () -> {
            List<ApiKey> keys = new ArrayList<>();
            client.scanPaginator(r -> r.tableName(table).consistentRead(true)
                            .filterExpression("begins_with(" + PK + ", :key)")
                            .expressionAttributeValues(Map.of(":key", s(KEY))))
                    .items().forEach(item -> keys.add(key(item)));
            keys.sort(BY_NAME_THEN_ID);
            return keys;
        });
    }

    /**
     * Replaces every attribute of the key but its expiration (one conditional UpdateItem); when its value hash
     * changed, moves the hash item in the same transaction.
     */
    @Override
    public boolean update(ApiKey key) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Pauses.beforeRetry(attempt);
            Optional<ApiKey> stored = findById(key.id());
            if (stored.isEmpty()) {
                return false;
            }
            KeyHash before = stored.get().valueHash();
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(fieldsUpdate(key, before));
            boolean moved = !before.equals(key.valueHash());
            if (moved) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Map.of(PK, s(HASH + before.hex())))).build());
                writes.add(put(hashItem(key), NOT_EXISTS, null));
            }
            if (Transactions.write(client, "update an API key", writes)) {
                if (moved) {
                    known.written();
                }
                return true;
            }
        }
        throw new StoreException("DynamoDB: cannot update an API key: it kept changing, or its new value is in use");
    }

    /**
     * Moves expirations that an earlier version kept on the keys' {@code ACTIVITY#} items onto their {@code KEY#}
     * items, where the gateway reads them: once per start, idempotent, each move one conditional UpdateItem (a key
     * that is gone or has an expiration of its own keeps it) and then one conditional removal from the activity
     * item. Returns how many expirations were moved.
     */
    public int adoptEarlierExpirations() {
        return DynamoDbCall.run("move earlier API key expirations onto the keys", () -> {
            int moved = 0;
            for (Map<String, AttributeValue> activity : client.scanPaginator(r -> r.tableName(table)
                    .consistentRead(true)
                    .filterExpression("begins_with(" + PK + ", :activity) AND attribute_exists(" + EXPIRATION + ")")
                    .expressionAttributeValues(Map.of(":activity", s(DynamoDbKeyActivityStore.ACTIVITY)))).items()) {
                String keyId = activity.get(PK).s().substring(DynamoDbKeyActivityStore.ACTIVITY.length());
                AttributeValue expiration = activity.get(EXPIRATION);
                try {
                    client.updateItem(r -> r.tableName(table).key(Map.of(PK, s(KEY + keyId)))
                            .updateExpression("SET " + EXPIRATION + " = :expiration")
                            .conditionExpression("attribute_exists(" + PK + ") AND attribute_not_exists(" + EXPIRATION
                                    + ")")
                            .expressionAttributeValues(Map.of(":expiration", expiration)));
                    moved++;
                } catch (ConditionalCheckFailedException goneOrSetSince) {
                    // the key was deleted, or was given an expiration of its own since: that one stands
                }
                try {
                    client.updateItem(r -> r.tableName(table).key(Map.of(PK, activity.get(PK)))
                            .updateExpression("REMOVE " + EXPIRATION)
                            .conditionExpression(EXPIRATION + " = :expiration")
                            .expressionAttributeValues(Map.of(":expiration", expiration)));
                } catch (ConditionalCheckFailedException removedMeanwhile) {
                    // another instance moved it at the same time
                }
            }
            return moved;
        });
    }

    @Override
    public boolean setExpiration(String id, Optional<Instant> expiration) {
        return DynamoDbCall.run("set an API key's expiration", () -> {
            try {
                client.updateItem(r -> {
                    r.tableName(table).key(Map.of(PK, s(KEY + id))).conditionExpression("attribute_exists(" + PK + ")");
                    if (expiration.isPresent()) {
                        r.updateExpression("SET expirationMillis = :expiration")
                                .expressionAttributeValues(Map.of(":expiration", n(expiration.get().toEpochMilli())));
                    } else {
                        r.updateExpression("REMOVE expirationMillis");
                    }
                });
                return true;
            } catch (ConditionalCheckFailedException noSuchKey) {
                return false;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Pauses.beforeRetry(attempt);
            Optional<ApiKey> stored = findById(id);
            if (stored.isEmpty()) {
                bindings.removeKey(id);
                return false;
            }
            KeyHash hash = stored.get().valueHash();
            if (Transactions.write(client, "delete an API key", List.of(
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of(PK, s(KEY + id)))
                            .conditionExpression(SAME_HASH).expressionAttributeValues(Map.of(":hash", s(hash.hex()))))
                            .build(),
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of(PK, s(HASH + hash.hex()))))
                            .build()))) {
                bindings.removeKey(id);
                return true;
            }
        }
        throw new StoreException("DynamoDB: cannot delete an API key: it kept changing");
    }

    private Optional<Map<String, AttributeValue>> get(String partition) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                .key(Map.of(PK, s(partition))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Sets every attribute of the key's item but its expiration, if its stored hash is still {@code before}. */
    private TransactWriteItem fieldsUpdate(ApiKey key, KeyHash before) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        item(key).forEach((attribute, value) -> {
            if (!attribute.equals(PK) && !attribute.equals(EXPIRATION)) {
                String placeholder = "a" + names.size();
                names.put("#" + placeholder, attribute);
                values.put(":" + placeholder, value);
                sets.add("#" + placeholder + " = :" + placeholder);
            }
        });
        values.put(":hash", s(before.hex()));
        String expression = "SET " + String.join(", ", sets)
                + (key.sealed().isEmpty() ? " REMOVE sealedValue" : "");
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of(PK, s(KEY + key.id())))
                .updateExpression(expression).conditionExpression(SAME_HASH)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    /** The value hashes of every key (hex), or empty when there are more than {@link KnownKeyHashes#MAX_HASHES}. */
    private Optional<Set<String>> scanHashes() {
        return DynamoDbCall.run("list API key hashes", () -> {
            Set<String> hashes = new HashSet<>();
            for (Map<String, AttributeValue> item : client.scanPaginator(r -> r.tableName(table).consistentRead(true)
                    .projectionExpression(PK).filterExpression("begins_with(" + PK + ", :hash)")
                    .expressionAttributeValues(Map.of(":hash", s(HASH)))).items()) {
                hashes.add(string(item, PK).substring(HASH.length()));
                if (hashes.size() > KnownKeyHashes.MAX_HASHES) {
                    return Optional.empty();
                }
            }
            return Optional.of(hashes);
        });
    }

    /** A conditional put; {@code hash} fills {@code :hash} in the condition when given. */
    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, KeyHash hash) {
        return TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(item).conditionExpression(condition);
            if (hash != null) {
                p.expressionAttributeValues(Map.of(":hash", s(hash.hex())));
            }
        }).build();
    }

    private static Map<String, AttributeValue> item(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(KEY + key.id()));
        item.put("id", s(key.id()));
        item.put("name", s(key.name()));
        item.put("description", s(key.description()));
        item.put("enabled", AttributeValue.fromBool(key.enabled()));
        item.put("createdMillis", n(key.createdDate().toEpochMilli()));
        item.put("updatedMillis", n(key.lastUpdatedDate().toEpochMilli()));
        item.put("valueHash", s(key.valueHash().hex()));
        item.put("customerId", s(key.customerId()));
        item.put("tags", Attributes.tags(key.tags()));
        key.sealed().ifPresent(sealed -> item.put("sealedValue", s(sealed.text())));
        key.expiration().ifPresent(time -> item.put(EXPIRATION, n(time.toEpochMilli())));
        return item;
    }

    private static Map<String, AttributeValue> hashItem(ApiKey key) {
        return Map.of(PK, s(HASH + key.valueHash().hex()), "keyId", s(key.id()));
    }

    private static ApiKey key(Map<String, AttributeValue> item) {
        return new ApiKey(string(item, "id"), string(item, "name"), string(item, "description"),
                Boolean.TRUE.equals(item.get("enabled").bool()), Instant.ofEpochMilli(number(item, "createdMillis")),
                Instant.ofEpochMilli(number(item, "updatedMillis")), new KeyHash(string(item, "valueHash")),
                string(item, "customerId"), Attributes.tags(item, "tags"),
                Optional.ofNullable(string(item, "sealedValue")).map(SealedValue::new).orElse(null),
                item.containsKey(EXPIRATION) ? Instant.ofEpochMilli(number(item, EXPIRATION)) : null);
    }
}
