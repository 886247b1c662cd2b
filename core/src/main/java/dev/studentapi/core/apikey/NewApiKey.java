package dev.studentapi.core.apikey;

import java.util.Map;

/**
 * What a caller asks a new key to be: a name (empty for none), a description, whether it is enabled, a value
 * (null or empty for a generated one), a customer id and tags.
 */
public record NewApiKey(String name, String description, boolean enabled, String value, String customerId,
                        Map<String, String> tags) {
    public NewApiKey {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        value = value == null || value.isEmpty() ? null : value;
        customerId = customerId == null ? "" : customerId;
        tags = Tags.copyOf(tags);
    }

    @Override
    public String toString() {
        return "NewApiKey[name=" + name + ", enabled=" + enabled + ", value=" + (value == null ? "generated" : "****")
                + "]";
    }
}
