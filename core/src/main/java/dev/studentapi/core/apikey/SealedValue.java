package dev.studentapi.core.apikey;

/**
 * A key value encrypted at rest, as text (the encryption's own envelope, for instance base64 of nonce and
 * ciphertext); only a {@link KeyValueStorage} that keeps values can open it.
 */
public record SealedValue(String text) {
    public SealedValue {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a sealed value is not empty");
        }
    }

    @Override
    public String toString() {
        return "SealedValue[****]";
    }
}
