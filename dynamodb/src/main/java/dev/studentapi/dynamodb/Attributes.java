package dev.studentapi.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.TreeMap;

/** Conversions between Java values and DynamoDB attribute values, shared by the stores of this module. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** Tags as a map attribute of strings. */
    static AttributeValue tags(Map<String, String> tags) {
        Map<String, AttributeValue> values = new TreeMap<>();
        tags.forEach((key, value) -> values.put(key, s(value)));
        return AttributeValue.fromM(values);
    }

    /** The tags in a map attribute; none when the item has no such attribute (items written before tags). */
    static Map<String, String> tags(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        Map<String, String> tags = new TreeMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((key, tag) -> tags.put(key, tag.s()));
        }
        return tags;
    }

    static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(DynamoDbTables.PK, s(partition), DynamoDbTables.SK, s(sort));
    }
}
