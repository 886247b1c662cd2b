package dev.studentapi.core.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of an API key value: the only form in which a key value is ever stored. */
public record KeyHash(String hex) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    public KeyHash {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a key hash is 64 hex digits");
        }
    }

    public static KeyHash of(String keyValue) {
        byte[] digest = SHA_256.get().digest(keyValue.getBytes(StandardCharsets.UTF_8));
        return new KeyHash(HexFormat.of().formatHex(digest));
    }

    /** Compares in constant time, so that timing reveals nothing about a stored hash. */
    public boolean matches(KeyHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "KeyHash[" + hex.substring(0, 8) + "…]";
    }
}
