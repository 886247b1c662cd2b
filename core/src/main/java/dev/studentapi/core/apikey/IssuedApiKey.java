package dev.studentapi.core.apikey;

/** A key just created or imported, with its value: the one moment the value can be shown. */
public record IssuedApiKey(ApiKey key, String value) {
    @Override
    public String toString() {
        return "IssuedApiKey[" + key.id() + "]";
    }
}
