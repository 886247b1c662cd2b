package dev.studentapi.core.apikey;

/** A change to a key's name, description and enabled flag; a null part stays as it is. */
public record ApiKeyChange(Boolean enabled, String name, String description) {

    public static final ApiKeyChange NONE = new ApiKeyChange(null, null, null);

    public ApiKeyChange withEnabled(boolean value) {
        return new ApiKeyChange(value, name, description);
    }

    public ApiKeyChange withName(String value) {
        return new ApiKeyChange(enabled, value, description);
    }

    public ApiKeyChange withDescription(String value) {
        return new ApiKeyChange(enabled, name, value == null ? "" : value);
    }
}
