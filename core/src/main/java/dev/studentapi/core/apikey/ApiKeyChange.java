package dev.studentapi.core.apikey;

/** A change to a key's name, description, enabled flag and customer id; a null part stays as it is. */
public record ApiKeyChange(Boolean enabled, String name, String description, String customerId) {

    public static final ApiKeyChange NONE = new ApiKeyChange(null, null, null, null);

    /** A change that leaves the customer id as it is. */
    public ApiKeyChange(Boolean enabled, String name, String description) {
        this(enabled, name, description, null);
    }

    public ApiKeyChange withEnabled(boolean value) {
        return new ApiKeyChange(value, name, description, customerId);
    }

    public ApiKeyChange withName(String value) {
        return new ApiKeyChange(enabled, value, description, customerId);
    }

    public ApiKeyChange withDescription(String value) {
        return new ApiKeyChange(enabled, name, value == null ? "" : value, customerId);
    }

    public ApiKeyChange withCustomerId(String value) {
        return new ApiKeyChange(enabled, name, description, value == null ? "" : value);
    }
}
