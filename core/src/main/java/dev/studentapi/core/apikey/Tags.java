package dev.studentapi.core.apikey;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules for the tags of keys and usage plans, as API Gateway has them: a key of 1 to 128 characters that does
 * not start with {@code aws:}, a value of at most 256 characters. Tag maps are kept sorted by key.
 */
public final class Tags {
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;

    private Tags() {
    }

    /** An unmodifiable sorted copy; null reads as no tags. */
    public static Map<String, String> copyOf(Map<String, String> tags) {
        return tags == null || tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** The tags, checked: refuses a key or value that breaks a rule with TAG_INVALID naming the key. */
    public static Map<String, String> checked(Map<String, String> tags) {
        Map<String, String> copy = copyOf(tags);
        copy.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.startsWith("aws:")) {
                throw Refusal.of(RefusalCode.TAG_INVALID, key, MAX_KEY_LENGTH);
            }
            if (value == null || value.length() > MAX_VALUE_LENGTH) {
                throw Refusal.of(RefusalCode.TAG_INVALID, key, MAX_VALUE_LENGTH);
            }
        });
        return copy;
    }

    /** {@code tags} with {@code more} added over them (a key given again takes the new value). */
    public static Map<String, String> merged(Map<String, String> tags, Map<String, String> more) {
        Map<String, String> result = new TreeMap<>(tags);
        result.putAll(checked(more));
        return copyOf(result);
    }

    /** {@code tags} without the given keys (a key not there is ignored, as on API Gateway). */
    public static Map<String, String> without(Map<String, String> tags, Collection<String> keys) {
        Map<String, String> result = new TreeMap<>(tags);
        keys.forEach(result::remove);
        return copyOf(result);
    }
}
