package dev.studentapi.core.lifecycle;

import dev.studentapi.core.apikey.IssuedApiKey;

import java.util.List;

/** The replacement of a key: the new key with its value (shown this once), the plans it is on, the old key's id. */
public record RotatedKey(IssuedApiKey replacement, List<String> planIds, String replaces) {
    public RotatedKey {
        planIds = List.copyOf(planIds);
    }

    @Override
    public String toString() {
        return "RotatedKey[" + replacement.key().id() + " replaces " + replaces + "]";
    }
}
