package dev.studentapi.functions;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a POSTed student in either shape: the object itself, or the reference page's envelope
 * {@code {"body": "<the object as a JSON string>"}}. Strings stay strings; other JSON values are kept as
 * non-strings so that validation can name them.
 */
final class SubmittedBody {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SubmittedBody() {
    }

    /** The submitted fields, or empty when the body is not a JSON object in one of the two shapes. */
    static Optional<Map<String, Object>> parse(byte[] body) {
        JsonNode node = read(body);
        if (node != null && node.isObject() && node.size() == 1 && node.has("body")) {
            JsonNode inner = node.get("body");
            node = inner.isTextual() ? read(inner.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : inner;
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isTextual() ? value.textValue() : value.isNull() ? null : value);
        }
        return Optional.of(fields);
    }

    private static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
